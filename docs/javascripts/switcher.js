/* Next Round: the language switcher follows instant navigation.
 * The switcher links the page to the same page in each edition (the build
 * writes the links). Material's instant navigation brings the next page's
 * content and head but keeps the header, so the switcher would still link to
 * the first page opened. Each edition's root is what its link holds before
 * this page's path (Material's `base` is this edition's root); after each
 * navigation each link is that root and the new page's path. Every page loads
 * it; a link that goes elsewhere (a page an edition lacks) is left as it is. */
nextRound.module("switcher", (nr) => {
  "use strict";

  const config = document.getElementById("__config");
  if (!config) return;
  const root = new URL(JSON.parse(config.textContent).base, location.href).href;
  if (!location.href.startsWith(root)) return;
  const path = () => location.href.split("#")[0].slice(root.length);
  const first = path();
  const roots = new Map();
  for (const link of document.querySelectorAll(".md-select__link[hreflang]")) {
    if (link.href.endsWith(first)) roots.set(link, link.href.slice(0, -first.length || undefined));
  }

  nr.onPage(() => {
    const page = path();
    for (const [link, start] of roots) link.href = start + page;
  });
});
