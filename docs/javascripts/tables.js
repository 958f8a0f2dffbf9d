/* Wide tables scroll sideways on small screens: let keyboard users reach
 * and scroll them too (WCAG 2.1.1), and name the region for screen readers. */
(() => {
  "use strict";

  function setupScrollableTables() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach((wrap) => {
      if (wrap.scrollWidth <= wrap.clientWidth) return;
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "Table (scrolls sideways)");
    });
  }

  // Material re-runs `document$` after each instant navigation; it does not
  // emit on file:// pages, so the first page is also set up on load (twice is harmless).
  if (typeof document$ !== "undefined") document$.subscribe(setupScrollableTables);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setupScrollableTables);
  } else setupScrollableTables();
})();
