/* Wide tables scroll sideways on small screens: let keyboard users reach
 * and scroll them too (WCAG 2.1.1), and name the region for screen readers.
 * Pages with a table load it. */
nextRound.module("tables", (nr) => {
  "use strict";

  nr.onPage(() => {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach((wrap) => {
      if (wrap.scrollWidth <= wrap.clientWidth) return;
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", nr.t("table.scrolls"));
    });
  });
});
