/* Next Round: "Skip to content" moves keyboard focus into the page's content.
 * Material's instant navigation answers every change of the address's #part by
 * clicking a link to it that is not in the page, which leaves focus nowhere: the
 * next Tab went back to the menu. Here the skip link focuses its heading itself,
 * without changing the address. Every page loads it. */
nextRound.module("skip-link", (nr) => {
  "use strict";

  nr.onPage(() => {
    const link = document.querySelector(".md-skip");
    if (!link || link.dataset.nrSkip) return;
    link.dataset.nrSkip = "on";
    link.addEventListener("click", (event) => {
      const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
      if (!target) return;
      event.preventDefault();
      event.stopPropagation(); // or instant navigation takes the click as well
      target.tabIndex = -1;
      target.focus({ preventScroll: true });
      target.scrollIntoView();
    });
  });
});
