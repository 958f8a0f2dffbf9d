/* Next Round checklists: ticks saved in this browser only, never sent anywhere.
 *
 * Storage: one localStorage key per site, "next-round:<site root path>",
 * holding {"<checklist id>": ["<item id>", ...]}. Unknown ids are ignored.
 * Runs on every page view, including Material's instant navigation.
 */
(() => {
  "use strict";

  const FORMAT = "next-round-progress";
  const VERSION = 1;
  const KEY = "next-round:" + siteRoot();
  let memory = null; // used instead of localStorage when it fails
  let notice = "";

  function siteRoot() {
    let base = ".";
    try {
      base = JSON.parse(document.getElementById("__config").textContent).base || ".";
    } catch (error) {
      /* no Material config: this page's folder is the root */
    }
    return new URL(base.replace(/\/?$/, "/"), location.href).pathname;
  }

  /* ---- state ---------------------------------------------------------- */

  function validLists(data) {
    if (!data || typeof data !== "object" || Array.isArray(data)) return null;
    const lists = {};
    for (const [id, items] of Object.entries(data)) {
      if (Array.isArray(items)) lists[id] = items.filter((item) => typeof item === "string");
    }
    return lists;
  }

  function load() {
    if (memory) return memory;
    let raw = null;
    try {
      raw = localStorage.getItem(KEY);
    } catch (error) {
      return useMemory({}, "Your ticks can't be saved in this browser, so they last only until you close this page.");
    }
    if (raw === null) return {};
    let lists = null;
    try {
      lists = validLists(JSON.parse(raw));
    } catch (error) {
      /* handled below */
    }
    if (lists) return lists;
    try {
      localStorage.setItem(KEY + ":unreadable", raw);
      localStorage.removeItem(KEY);
    } catch (error) {
      return useMemory({}, "Saved ticks could not be read, and new ticks can't be saved in this browser.");
    }
    notice = "Saved ticks could not be read, so your checklists start empty. New ticks are saved as usual.";
    return {};
  }

  function save(lists) {
    if (!memory) {
      try {
        localStorage.setItem(KEY, JSON.stringify(lists));
        return;
      } catch (error) {
        useMemory(lists, "Your ticks can't be saved in this browser (storage is off or full), so they last only until you close this page.");
        showNotices();
        return;
      }
    }
    memory = lists;
  }

  function useMemory(lists, message) {
    memory = lists;
    notice = message;
    return memory;
  }

  function setTicks(checklistId, items) {
    const lists = load();
    if (items.length) lists[checklistId] = items;
    else delete lists[checklistId];
    save(lists);
  }

  /* ---- small DOM helpers -------------------------------------------- */

  function make(tag, className, text) {
    const node = document.createElement(tag);
    node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function progressText(done, total) {
    return `${done} of ${total} done`;
  }

  function showNotices() {
    document.querySelectorAll(".nr-notice").forEach((node) => {
      node.textContent = notice;
      node.hidden = !notice;
    });
  }

  /* ---- checklists ----------------------------------------------------- */

  function setupChecklist(list) {
    list.dataset.nrReady = "1";
    const id = list.dataset.checklist;
    const title = list.querySelector(".nr-checklist__title");
    const items = [...list.querySelectorAll(".nr-checklist__item[data-item]")].map((li) => ({
      id: li.dataset.item,
      box: li.querySelector("input[type=checkbox]"),
    }));
    const status = make("p", "nr-checklist__status");
    status.setAttribute("role", "status");
    const bar = make("progress", "nr-checklist__bar");
    bar.max = items.length;
    bar.setAttribute("aria-hidden", "true");
    const reset = make("button", "nr-checklist__reset", "Reset");
    reset.type = "button";
    reset.setAttribute("aria-label", `Reset "${title ? title.textContent : id}"`);
    const tools = make("div", "nr-checklist__tools");
    tools.append(status, bar, reset);
    list.append(tools, make("p", "nr-notice"));

    function show() {
      const ticked = new Set(load()[id] || []);
      items.forEach((item) => (item.box.checked = ticked.has(item.id)));
      const done = items.filter((item) => item.box.checked).length;
      status.textContent = progressText(done, items.length);
      bar.value = done;
      list.classList.toggle("nr-checklist--done", done === items.length);
    }

    items.forEach((item) =>
      item.box.addEventListener("change", () => {
        setTicks(id, items.filter((i) => i.box.checked).map((i) => i.id));
        show();
      }),
    );
    reset.addEventListener("click", () => {
      if (!window.confirm(`Clear every tick in "${title ? title.textContent : id}"?`)) return;
      setTicks(id, []);
      show();
    });
    return show;
  }

  /* ---- the progress page --------------------------------------------- */

  function readExport(text) {
    let data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new Error("This file is not valid JSON.");
    }
    if (!data || data.format !== FORMAT) {
      throw new Error(`This is not a Next Round progress file (expected "format": "${FORMAT}").`);
    }
    if (data.version !== VERSION) {
      throw new Error(`This file has version ${JSON.stringify(data.version)}; this site reads version ${VERSION}.`);
    }
    const lists = data.checklists;
    if (!lists || typeof lists !== "object" || Array.isArray(lists)) {
      throw new Error('The file has no "checklists" object.');
    }
    for (const [id, items] of Object.entries(lists)) {
      if (!Array.isArray(items) || !items.every((item) => typeof item === "string")) {
        throw new Error(`The entry "${id}" should be a list of item ids.`);
      }
    }
    return lists;
  }

  function download(lists) {
    const data = { format: FORMAT, version: VERSION, exported: new Date().toISOString(), checklists: lists };
    const link = make("a", "");
    link.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
    link.download = "next-round-progress.json";
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  }

  function setupProgressPage(registry) {
    registry.dataset.nrReady = "1";
    const rows = [...registry.querySelectorAll(".nr-registry__entry")].map((entry) => {
      const count = entry.querySelector(".nr-registry__count");
      const bar = make("progress", "nr-checklist__bar");
      bar.setAttribute("aria-hidden", "true");
      entry.append(bar);
      return { id: entry.dataset.checklist, items: entry.dataset.items.split(" "), count, bar, entry };
    });
    const message = make("p", "nr-progress__message");
    message.setAttribute("role", "status");
    const picker = make("input", "nr-progress__file");
    picker.type = "file";
    picker.accept = "application/json,.json";
    picker.hidden = true;
    const buttons = [
      ["Export", () => download(load())],
      ["Import", () => picker.click()],
      ["Clear all", clearAll],
    ].map(([label, action]) => {
      const button = make("button", "md-button nr-progress__button", label);
      button.type = "button";
      button.addEventListener("click", action);
      return button;
    });
    const tools = make("div", "nr-progress__tools");
    tools.append(...buttons, picker);
    registry.before(tools, message, make("p", "nr-notice"));

    function show() {
      const lists = load();
      rows.forEach((row) => {
        const ticked = new Set(lists[row.id] || []);
        const done = row.items.filter((item) => ticked.has(item)).length;
        row.count.textContent = progressText(done, row.items.length);
        row.bar.max = row.items.length;
        row.bar.value = done;
        row.entry.classList.toggle("nr-registry__entry--done", done === row.items.length);
      });
    }

    function say(text, isError) {
      message.textContent = text;
      message.classList.toggle("nr-progress__message--error", Boolean(isError));
    }

    function clearAll() {
      if (!window.confirm("Clear the ticks of every checklist on this site?")) return;
      save({});
      show();
      say("All checklists are cleared.");
    }

    picker.addEventListener("change", async () => {
      const file = picker.files[0];
      picker.value = "";
      if (!file) return;
      let lists;
      try {
        lists = readExport(await file.text());
      } catch (error) {
        say(`${error.message} Nothing was changed.`, true);
        return;
      }
      if (!window.confirm("Replace your current ticks with the ones in this file?")) return;
      save(lists);
      show();
      say(`Progress imported from ${file.name}.`);
    });
    return show;
  }

  /* ---- wiring ----------------------------------------------------------- */

  let views = []; // {node, show} for every checklist and registry set up

  function main() {
    const lists = [...document.querySelectorAll(".nr-checklist[data-checklist]:not([data-nr-ready])")];
    const registry = document.querySelector("ul.nr-registry[data-nr-registry]:not([data-nr-ready])");
    if (!lists.length && !registry) return; // nothing new on this page
    notice = memory ? notice : "";
    views = views.filter((view) => document.contains(view.node));
    lists.forEach((list) => views.push({ node: list, show: setupChecklist(list) }));
    if (registry) views.push({ node: registry, show: setupProgressPage(registry) });
    views.forEach((view) => view.show());
    showNotices();
  }

  window.addEventListener("storage", (event) => {
    if (event.key === KEY && !memory) views.forEach((view) => view.show());
  });

  // Material re-runs `document$` after each instant navigation; it does not
  // emit on file:// pages, so the first page is also set up on load.
  if (typeof document$ !== "undefined") document$.subscribe(main);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", main);
  else main();
})();
