/* Print every collapsed block open: closed <details> open before printing and
 * close again after, so a printout never misses a hidden answer. */
(() => {
  "use strict";

  let opened = [];

  window.addEventListener("beforeprint", () => {
    opened = [...document.querySelectorAll(".md-typeset details:not([open])")];
    opened.forEach((details) => (details.open = true));
  });
  window.addEventListener("afterprint", () => {
    opened.forEach((details) => (details.open = false));
    opened = [];
  });
})();
