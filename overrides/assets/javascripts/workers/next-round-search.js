/*
 * Next Round's search worker: Material's, loaded unchanged, with short words
 * of a query matched whole, and, where the edition's index is stemmed (the
 * Spanish: `pipeline:` in mkdocs.es.yml), whole words and words typed
 * without their accents found too.
 *
 * Material's worker adds a wildcard to the end of every word typed ("i" is
 * searched as "i*"), so a word of one or two letters matched every word that
 * starts with it: "i" found the plan by its keyword "ics", "up" found "upset".
 * Before Material reads a query, this gives each such word a boost of 1
 * ("i^1"), lunr's default weight and a word Material adds no wildcard to. A
 * short word then finds only itself ("cv", "ok"), and a stop word such as
 * "i", "a" or "to" finds nothing, as the index never holds one. Material
 * splits words at hyphens too, so "follow-up" is first read as "follow up".
 *
 * A word with a wildcard skips lunr's stemmer, and a stemmed index holds only
 * stems ("rechazaron" is "rechaz"), so in a stemmed index each longer word is
 * also searched whole ("rechazaron^1"), which the stemmer reads. And every
 * word is indexed and searched both as written and without its accents
 * ("retroalimentación", "retroalimentacion"): readers often leave them out,
 * and the stemmer knows suffixes only with their accents. A stop word of the
 * index's language is searched whole too, and so finds nothing.
 * base.html names this file as the search worker; nothing else changes.
 * The build writes Material's worker into this file in place of the
 * importScripts line at its end, so a page asks for one worker file, not two
 * (nextround/render/search_languages.py).
 */
const SHORT_WORD = /(^|\s)(\p{L}{1,2})(?=\s|$)/gu;
const LONG_WORD = /(^|\s)(\p{L}{3,})(?=\s|$)/gu;
const INNER_HYPHEN = /(?<=\p{L})-(?=\p{L})/gu;
const ACCENTS = /[\u0300-\u036f]/g; // Combining marks of Latin letters, after NFD.
const SETUP = 0; // Material's message types: the index's setup, a query.
const QUERY = 2;
let languages = [];
let stemmed = false;
let variantsAdded = false;

// Whether the index's languages leave `word` out ("que", "para"): searched whole, it finds
// nothing, where "que*" found every "quemado". Their lists load with the index.
function isStopWord(word) {
  return languages.some((code) => {
    const filter = (code === "en" ? lunr : lunr[code] || {}).stopWordFilter;
    const lower = word.toLowerCase();
    return filter && [lower, withoutAccents(lower)].some((w) => !filter(new lunr.Token(w)));
  });
}

function wholeShortWords(query) {
  const words = query.replace(INNER_HYPHEN, " ").replace(SHORT_WORD, "$1$2^1");
  return words.replace(LONG_WORD, (all, start, word) => {
    if (isStopWord(word)) return `${start}${word}^1`;
    return stemmed ? `${start}${word} ${word}^1` : all;
  });
}

function withoutAccents(text) {
  return text.normalize("NFD").replace(ACCENTS, "").normalize("NFC");
}

// Spanish pronouns joined to a verb, which lunr's Spanish stemmer keeps (its list has
// "me", "se", "lo"..., not the two below): "quemarte" is also read as "quemar", so
// "quemada" finds it.
const JOINED_PRONOUN = /(?<=\p{L}{3}(?:ar|er|ir|ando|iendo))(?:te|os)$/u; // codespell:ignore te

function variants(word, spanish) {
  const plain = withoutAccents(word);
  return new Set([word, plain, spanish ? plain.replace(JOINED_PRONOUN, "") : plain]);
}

// Each word through the pipeline (trimmer, stop words, stemmer) as written and, if it
// has accents or a joined pronoun, without them too: more terms where the forms differ.
// Set up with the index, when Material's worker (and its lunr) has loaded.
function withVariants(pipeline) {
  const run = pipeline.prototype.run;
  pipeline.prototype.run = function (tokens) {
    const spanish = Boolean(lunr.es) && this._stack.includes(lunr.es.stemmer);
    return tokens.flatMap((token) => {
      const [, ...others] = variants(token.toString(), spanish);
      const terms = run.call(this, [token]);
      const found = new Set(terms.map(String));
      for (const other of others) {
        const more = run.call(this, [token.clone(() => other)]);
        terms.push(...more.filter((term) => !found.has(term.toString())));
        more.forEach((term) => found.add(term.toString()));
      }
      return terms;
    });
  };
}

// Listeners run in the order they were added: this one sees each message
// before Material's, which reads the same object.
addEventListener("message", ({ data }) => {
  if (data && data.type === SETUP && data.data && data.data.config) {
    languages = data.data.config.lang || [];
    stemmed = (data.data.config.pipeline || []).includes("stemmer");
    if (!variantsAdded && self.lunr) {
      withVariants(lunr.Pipeline);
      variantsAdded = true;
    }
  }
  if (data && data.type === QUERY && typeof data.data === "string") {
    data.data = wholeShortWords(data.data);
  }
});

// Language support the build appended to this file (nextround/render/search_languages.py:
// self.nextRoundBundled, a function per file) runs here instead of being fetched.
const fetchScripts = self.importScripts;
self.importScripts = (...urls) => {
  const bundled = self.nextRoundBundled || {};
  const name = (url) => String(url).split("/").pop();
  urls.filter((url) => Object.hasOwn(bundled, name(url))).forEach((url) => bundled[name(url)].call(self));
  return fetchScripts(...urls.filter((url) => !Object.hasOwn(bundled, name(url))));
};

// In a Web Worker, `location` is this file. The offline copy runs workers in
// a hidden frame (iframe-worker), where `location` is the page and the
// script element holds this file's address.
const here = self.document ? document.currentScript.src : location.href;
importScripts(new URL("search.a7633da7.min.js", here).href);

