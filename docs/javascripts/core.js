/* Next Round core: what every page's script starts with.
 *
 * The build bundles our modules per page (nextround/render/bundles.py): a page
 * gets this file, then only the modules its content uses, in one fingerprinted
 * file. Material's instant navigation runs the next page's bundle in the same
 * document, so a module that an earlier bundle already defined is skipped:
 * each module is `nextRound.module(name, (nr) => { ... })`, run once per
 * document, and modules share what they define on `nr` (window.nextRound).
 *
 * Text a reader sees comes from the message catalog of the page's language
 * (includes/messages/<language>.yml): the build puts the messages of a
 * bundle's modules right after this file, as `nextRound.messages({...})`, and
 * modules ask for one with nr.t and its key written out in quotes, so the
 * build can check every language has it.
 *
 * What works only with scripts is written by the build and shown by the styles
 * where scripts run (`@media (scripting: enabled)`), so it is in place from the
 * first paint; a browser too old to know that query gets the class
 * nr-scripting on <html> instead, here.
 */
window.nextRound ??= (() => {
  "use strict";

  if (!matchMedia("(scripting: enabled)").matches) document.documentElement.classList.add("nr-scripting");

  const defined = new Set();
  const texts = new Map();

  return {
    /* Run `body(nr)` once per document, however many bundles carry the module. */
    module(name, body) {
      if (defined.has(name)) return;
      defined.add(name);
      body(this);
    },

    /* Keep the messages of a bundle (the build writes this call, not a module). */
    messages(table) {
      for (const [key, text] of Object.entries(table)) texts.set(key, text);
    },

    /* The message `key` with each {name} filled from `values`: t(key, { done: 3 }). */
    t(key, values = {}) {
      return (texts.get(key) ?? key).replace(/\{(\w+)\}/g, (name, word) =>
        Object.hasOwn(values, word) ? String(values[word]) : name,
      );
    },

    /* An element with a class and, maybe, its text (always as text, never HTML). */
    make(tag, className, text) {
      const node = document.createElement(tag);
      node.className = className;
      if (text) node.textContent = text;
      return node;
    },

    /* Run `setup` on this page now and again after each instant navigation. The script
       comes after the page's content, so the content is there when it runs, and what it
       shows is there before the page first paints (no layout shift); Material re-runs
       `document$` after each instant navigation (and not on file:// pages). `setup` must
       be safe to run twice. Long work goes through nr.view, which runs in slices. */
    onPage(setup) {
      const follow = () => typeof document$ !== "undefined" && document$.subscribe(setup);
      setup();
      if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", follow);
      else follow();
    },
  };
})();
