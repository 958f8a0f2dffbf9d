/* Next Round core: what every page's script starts with.
 *
 * The build bundles our modules per page (nextround/render/bundles.py): a page
 * gets this file, then only the modules its content uses, in one fingerprinted
 * file. Material's instant navigation runs the next page's bundle in the same
 * document, so a module that an earlier bundle already defined is skipped:
 * each module is `nextRound.module(name, (nr) => { ... })`, run once per
 * document, and modules share what they define on `nr` (window.nextRound).
 */
window.nextRound ??= (() => {
  "use strict";

  const defined = new Set();

  return {
    /* Run `body(nr)` once per document, however many bundles carry the module. */
    module(name, body) {
      if (defined.has(name)) return;
      defined.add(name);
      body(this);
    },

    /* An element with a class and, maybe, its text (always as text, never HTML). */
    make(tag, className, text) {
      const node = document.createElement(tag);
      node.className = className;
      if (text) node.textContent = text;
      return node;
    },

    /* Run `setup` on this page and after each instant navigation. Material re-runs
       `document$` after each one; it does not emit on file:// pages, so the first
       page is also set up on load. `setup` must be safe to run twice. */
    onPage(setup) {
      if (typeof document$ !== "undefined") document$.subscribe(setup);
      if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
      else setup();
    },
  };
})();
