/* Next Round progress store: the reader's data, kept in this browser only.
 *
 * Saved format, version 1, under the localStorage key "next-round:<site root path>"
 * (a translated edition, in <site root>/<language>/, names its source's root in
 * the page's __config, "progress": "..", so every language shares one store):
 *   {"version": 1,
 *    "checklists": {"<checklist id>": ["<item id>", ...]},
 *    "details": {"<form field>": "<text>", ...},
 *    "plan": {"start": "YYYY-MM-DD"},
 *    "notes": {"<checklist id>": {"<item id>": "<note, at most 280 characters>"}}}
 * "details" (the reader's details for the message templates, details.js),
 * "plan" (the 30-day plan's start date) and "notes" (a note on a checklist
 * item, checklists.js) are left out while empty. An export file is
 * the same document plus "format": "next-round-progress" and "exported":
 * "<ISO date>". A value saved before versions existed (a bare
 * {"<checklist id>": [...]}) is still read, and rewritten as version 1.
 *
 * Each kind of reader data is one top-level section, listed in SECTIONS with
 * how to read it (from storage leniently, from a file strictly) and write it
 * (undefined leaves it out). A later kind is one more section: storage,
 * export and import carry it with no other change. Readers skip sections they
 * do not know, so a new section keeps version 1 and files from before it still
 * import; the version changes only when an existing section changes meaning.
 * Ids are only looked up as own keys (Maps), so "constructor" or "__proto__"
 * are ids like any other. Ids the site no longer has are kept and ignored.
 */
nextRound.module("store", (nr) => {
  "use strict";

  const FORMAT = "next-round-progress";
  const VERSION = 1;
  // Import limits. A real export with every item of the site ticked is about 7 KB.
  const LIMIT = { kb: 256, checklists: 1000, items: 100, idChars: 200, details: 50, detailChars: 200, note: 280 };
  const KEY = "next-round:" + siteRoot();
  const BACKUP = KEY + ":unreadable";
  const NOTICE = {
    off: nr.t("store.off"),
    full: nr.t("store.full"),
    copied: nr.t("store.copied"),
    noRoom: nr.t("store.no-room"),
    replaced: nr.t("store.replaced"),
  };

  let memory = null; // the reader's data while storage does not hold it
  let unreadable = false; // storage holds a value that could be neither read nor copied
  let notice = "";
  let parsed = { raw: null, data: null }; // the stored text last read, and its data
  const watchers = []; // called after every change, here or in another tab

  function siteRoot() {
    let base = ".";
    let up = "";
    try {
      const config = JSON.parse(document.getElementById("__config").textContent);
      base = config.base || ".";
      up = typeof config.progress === "string" ? config.progress.replace(/\/?$/, "/") : "";
    } catch (error) {
      /* no Material config: this page's folder is the root */
    }
    return new URL(base.replace(/\/?$/, "/") + up, location.href).pathname;
  }

  /* ---- sections ---------------------------------------------------------- */

  class Refused extends Error {}

  function refuse(message) {
    throw new Refused(message);
  }

  const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
  const own = (object, key) => (Object.hasOwn(object, key) ? object[key] : undefined);

  /* At most 40 characters of text from a file, on one line. */
  function shorten(text) {
    const chars = [...String(text).replace(/[\p{C}\s]+/gu, " ")];
    return chars.length > 40 ? chars.slice(0, 39).join("") + "…" : chars.join("");
  }

  /* Ticks: a Map of checklist id to ticked item ids. `strict` refuses what is
     wrong with a plain message (a file); otherwise it is skipped (storage). */
  function readChecklists(value, strict) {
    const lists = new Map();
    if (!isObject(value)) return strict ? refuse(nr.t("file.no-checklists")) : lists;
    const entries = Object.entries(value);
    if (strict && entries.length > LIMIT.checklists) {
      refuse(nr.t("file.too-many-checklists", { count: entries.length, limit: LIMIT.checklists }));
    }
    for (const [id, items] of entries.slice(0, LIMIT.checklists)) {
      const list = Array.isArray(items) && items.every((item) => typeof item === "string");
      if (strict) checkEntry(id, list && items);
      if (!Array.isArray(items) || id.length > LIMIT.idChars) continue;
      const kept = items.filter((item) => typeof item === "string" && item.length <= LIMIT.idChars);
      lists.set(id, [...new Set(kept)].slice(0, LIMIT.items));
    }
    return lists;
  }

  function checkEntry(id, items) {
    if (!items) refuse(nr.t("file.entry-not-list", { id: shorten(id) }));
    if (items.length > LIMIT.items) {
      refuse(nr.t("file.too-many-items", { id: shorten(id), count: items.length, limit: LIMIT.items }));
    }
    const long = [id, ...items].find((text) => text.length > LIMIT.idChars);
    if (long) refuse(nr.t("file.id-too-long", { length: long.length, limit: LIMIT.idChars }));
  }

  /* Details for the message templates: a Map of form field to text. A file
     from before details existed has none. */
  function readDetails(value, strict) {
    const details = new Map();
    if (value === undefined) return details;
    if (!isObject(value)) return strict ? refuse(nr.t("file.details-not-object")) : details;
    const entries = Object.entries(value);
    if (strict && entries.length > LIMIT.details) {
      refuse(nr.t("file.too-many-details", { count: entries.length, limit: LIMIT.details }));
    }
    for (const [field, text] of entries.slice(0, LIMIT.details)) {
      const fits = typeof text === "string" && field.length <= LIMIT.idChars && text.length <= LIMIT.detailChars;
      if (strict && !fits) {
        refuse(nr.t("file.detail-too-long", { field: shorten(field), limit: LIMIT.detailChars }));
      }
      if (fits && text) details.set(field, text);
    }
    return details;
  }

  /* Whether `start` is a real day from 1970 to 2999 written "YYYY-MM-DD"; a later year
     would reach calendars as a date they cannot read. */
  function isPlanDate(start) {
    if (typeof start !== "string" || !/^(?:19[7-9]\d|2\d{3})-\d\d-\d\d$/.test(start)) return false;
    const time = Date.parse(start + "T00:00Z");
    return time >= 0 && new Date(time).toISOString().startsWith(start);
  }

  /* The plan's start date: "YYYY-MM-DD" or null. */
  function readPlan(value, strict) {
    const start = isObject(value) && own(value, "start");
    if (isPlanDate(start)) return start;
    return strict && value !== undefined ? refuse(nr.t("file.bad-plan")) : null;
  }

  /* Notes: a Map of checklist id to a Map of item id to its note. */
  function readNotes(value, strict) {
    const notes = new Map();
    const lists = isObject(value) ? Object.entries(value) : [];
    if (strict && ((value !== undefined && !isObject(value)) || lists.length > LIMIT.checklists)) {
      refuse(nr.t("file.bad-notes", { limit: LIMIT.checklists }));
    }
    for (const [id, items] of lists.slice(0, LIMIT.checklists)) {
      const entries = isObject(items) ? Object.entries(items) : [];
      if (strict) {
        if (!isObject(items) || entries.some(([, text]) => typeof text !== "string" || text.length > LIMIT.note)) {
          refuse(nr.t("file.bad-checklist-notes", { id: shorten(id), limit: LIMIT.note }));
        }
        checkEntry(id, entries.map(([item]) => item));
      }
      const kept = entries.filter(([item, text]) => typeof text === "string" && text && item.length <= LIMIT.idChars);
      if (kept.length && id.length <= LIMIT.idChars) {
        notes.set(id, new Map(kept.slice(0, LIMIT.items).map(([item, text]) => [item, text.slice(0, LIMIT.note)])));
      }
    }
    return notes;
  }

  const SECTIONS = {
    checklists: { read: readChecklists, write: (lists) => Object.fromEntries(lists) },
    details: {
      read: readDetails,
      write: (details) => (details.size ? Object.fromEntries(details) : undefined),
    },
    plan: { read: readPlan, write: (start) => (start ? { start } : undefined) },
    notes: {
      read: readNotes,
      write: (notes) =>
        notes.size ? Object.fromEntries([...notes].map(([id, items]) => [id, Object.fromEntries(items)])) : undefined,
    },
  };

  function readSections(value, strict) {
    const data = {};
    for (const [name, section] of Object.entries(SECTIONS)) data[name] = section.read(own(value, name), strict);
    return data;
  }

  function writeSections(data) {
    const value = { version: VERSION };
    for (const [name, section] of Object.entries(SECTIONS)) value[name] = section.write(data[name]);
    return value;
  }

  const empty = () => readSections({}, false);

  /* The saved value's data, or null when it cannot be read. */
  function fromStorage(raw) {
    let value;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      return null;
    }
    if (!isObject(value)) return null;
    if (typeof own(value, "version") !== "number") value = { checklists: value }; // before versions
    return value.version === undefined || value.version === VERSION ? readSections(value, false) : null;
  }

  /* ---- storage ------------------------------------------------------------- */

  function keepInMemory(data, message) {
    memory = data;
    notice = message;
    return data;
  }

  function read() {
    if (memory) return memory;
    let raw;
    try {
      raw = localStorage.getItem(KEY);
    } catch (error) {
      return keepInMemory(empty(), NOTICE.off);
    }
    if (raw !== null && raw === parsed.raw) return parsed.data;
    const data = raw === null ? empty() : fromStorage(raw);
    if (data) {
      parsed = { raw, data };
      return data;
    }
    try {
      localStorage.setItem(BACKUP, raw);
      localStorage.removeItem(KEY);
    } catch (error) {
      unreadable = true;
      return keepInMemory(empty(), NOTICE.noRoom);
    }
    notice = NOTICE.copied;
    return empty();
  }

  /* Save `data`; true when storage holds it. An unreadable value that could
     not be copied is removed first, so it can never block saving. */
  function write(data) {
    const text = JSON.stringify(writeSections(data));
    const replacing = unreadable;
    try {
      if (unreadable) localStorage.removeItem(KEY);
      unreadable = false;
      localStorage.setItem(KEY, text);
    } catch (error) {
      parsed = { raw: null, data: null }; // `data` was changed but not saved
      return false;
    }
    parsed = { raw: text, data };
    if (memory) notice = replacing ? NOTICE.replaced : "";
    memory = null;
    return true;
  }

  /* Change the data with `edit` and save it, or keep it for this visit. */
  function change(edit) {
    const data = read();
    edit(data);
    const saved = write(data);
    if (!saved) keepInMemory(data, NOTICE.full);
    watchers.forEach((callback) => callback());
    return saved;
  }

  /* Set `key` of `map` to `value`, or delete it when `value` is empty. */
  const put = (map, key, value) => ((value?.size ?? value?.length) ? map.set(key, value) : map.delete(key), map);

  /* Remove everything saved, and the copy of an unreadable value, from this browser. */
  function clear() {
    try {
      localStorage.removeItem(KEY);
      localStorage.removeItem(BACKUP);
      memory = null;
      notice = "";
    } catch (error) {
      memory = empty();
    }
    unreadable = false;
  }

  /* ---- files ----------------------------------------------------------------- */

  function exportText() {
    const value = { format: FORMAT, ...writeSections(read()), exported: new Date().toISOString() };
    return JSON.stringify(value, null, 2);
  }

  /* {data} from a progress file, or {problem}: a plain sentence that quotes
     at most 40 characters of the file. */
  async function readFile(file) {
    if (file.size > LIMIT.kb * 1024) {
      return { problem: nr.t("file.too-big", { limit: LIMIT.kb }) };
    }
    try {
      let value;
      const text = await file.text().catch(() => refuse(nr.t("file.unreadable")));
      try {
        value = JSON.parse(text);
      } catch (error) {
        refuse(nr.t("file.not-json"));
      }
      if (!isObject(value) || own(value, "format") !== FORMAT) {
        refuse(nr.t("file.not-progress", { format: FORMAT }));
      }
      if (own(value, "version") !== VERSION) {
        refuse(nr.t("file.other-version", { version: VERSION }));
      }
      return { data: readSections(value, true) };
    } catch (error) {
      if (error instanceof Refused) return { problem: error.message };
      throw error;
    }
  }

  /* Whether a storage event still describes what storage holds: one that
     arrives late, after a newer save, is stale. */
  function current(event) {
    try {
      return event.key === null || event.newValue === localStorage.getItem(KEY);
    } catch (error) {
      return false;
    }
  }

  /* Reload from storage when another tab saves or clears it (key null). */
  window.addEventListener("storage", (event) => {
    if ((event.key !== KEY && event.key !== null) || !current(event)) return;
    memory = null;
    unreadable = false;
    notice = "";
    watchers.forEach((callback) => callback());
  });

  const store = (nr.store = Object.freeze({
    ticks: (checklistId) => read().checklists.get(checklistId) || [],
    checklists: () => read().checklists,
    setTicks: (checklistId, items) => change((data) => put(data.checklists, checklistId, items)),
    details: () => read().details,
    /* Save the template details (a Map); false when they last only for this visit. */
    setDetails: (details) => change((data) => (data.details = details)),
    notes: (checklistId) => read().notes.get(checklistId) || new Map(),
    setNote: (checklistId, itemId, text) =>
      change(({ notes }) => put(notes, checklistId, put(new Map(notes.get(checklistId)), itemId, text.trim() && text))),
    /* A checklist's Reset: its ticks and notes. */
    reset: (checklistId) => change((data) => [data.checklists, data.notes].forEach((map) => map.delete(checklistId))),
    plan: () => read().plan,
    /* Start the plan on `start`, a day that isPlanDate accepts, or clear it with null. */
    setPlan: (start) => change((data) => (data.plan = start === null || isPlanDate(start) ? start : data.plan)),
    isPlanDate,
    clear,
    replace: write,
    exportText,
    readFile,
    shorten,
    watch: (callback) => watchers.push(callback),
    notice: () => notice,
    newPage: () => {
      if (!memory) notice = "";
    },
  }));

  /* ---- views: what shows the reader's data on a page ---------------------------- */

  const setups = []; // [selector, setup(node) -> show()] from each module that shows data
  let views = []; // {node, show} for every element set up on this page

  function showAll() {
    views.forEach((view) => view.show());
    const notice = store.notice();
    document.querySelectorAll(".nr-notice").forEach((node) => {
      node.textContent = notice;
      node.hidden = !notice;
    });
  }

  // A long page's elements are set up a few at a time, no slice much over this long:
  // on a phone four times slower, still under the 50 ms that keeps a tap waiting.
  const SLICE_MS = 10;

  function setUpPage() {
    const found = setups.flatMap(([selector, setup]) =>
      [...document.querySelectorAll(`${selector}:not([data-nr-ready])`)].map((node) => [node, setup]),
    );
    if (!found.length) return; // nothing new on this page
    const kept = views.filter((view) => document.contains(view.node));
    if (kept.length < views.length) store.newPage(); // an instant navigation left the last page
    views = kept;
    found.forEach(([node]) => (node.dataset.nrReady = "1"));
    const slice = (begun = performance.now()) => {
      while (found.length) {
        const [node, setup] = found.shift();
        if (!document.contains(node)) continue; // the reader has moved on
        const view = { node, show: setup(node) };
        views.push(view);
        view.show();
        if (found.length && performance.now() - begun > SLICE_MS) return setTimeout(slice);
      }
      showAll();
    };
    slice();
  }

  /* Set the page up in a task of its own, once however often it is asked: after every
     module of this bundle has said what it shows, and apart from Material's start-up. */
  let queued = false;
  const schedule = () => {
    if (queued) return;
    queued = true;
    setTimeout(() => {
      queued = false;
      setUpPage();
    });
  };

  /* Set up each element matching `selector` with `setup(node)`, which returns the
     function that redraws it; every save redraws every view. */
  nr.view = (selector, setup) => {
    setups.push([selector, setup]);
    schedule();
  };
  nr.showAll = showAll;

  store.watch(showAll); // after every save, here or in another tab
  nr.onPage(setUpPage);
});
