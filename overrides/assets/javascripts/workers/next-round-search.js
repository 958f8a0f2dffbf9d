/*
 * Next Round's search worker: Material's, loaded unchanged, with short words
 * of a query matched whole.
 *
 * Material's worker adds a wildcard to the end of every word typed ("i" is
 * searched as "i*"), so a word of one or two letters matched every word that
 * starts with it: "i" found the plan by its keyword "ics", "up" found "upset".
 * Before Material reads a query, this gives each such word a boost of 1
 * ("i^1"), lunr's default weight and a word Material adds no wildcard to. A
 * short word then finds only itself ("cv", "ok"), and a stop word such as
 * "i", "a" or "to" finds nothing, as the index never holds one. Material
 * splits words at hyphens too, so "follow-up" is first read as "follow up".
 * base.html names this file as the search worker; nothing else changes.
 */
const SHORT_WORD = /(^|\s)(\p{L}{1,2})(?=\s|$)/gu;
const INNER_HYPHEN = /(?<=\p{L})-(?=\p{L})/gu;
const QUERY = 2; // Material's message type for a query.

function wholeShortWords(query) {
  return query.replace(INNER_HYPHEN, " ").replace(SHORT_WORD, "$1$2^1");
}

// Listeners run in the order they were added: this one sees each message
// before Material's, which reads the same object.
addEventListener("message", ({ data }) => {
  if (data && data.type === QUERY && typeof data.data === "string") {
    data.data = wholeShortWords(data.data);
  }
});

// In a Web Worker, `location` is this file. The offline copy runs workers in
// a hidden frame (iframe-worker), where `location` is the page and the
// script element holds this file's address.
const here = self.document ? document.currentScript.src : location.href;
importScripts(new URL("search.a7633da7.min.js", here).href);
