/* Next Round checklists: the checkboxes, the progress page and its buttons.
 *
 * A checklist's Print button prints that checklist alone: it marks the
 * checklist and the elements around it, and a class on <html> makes the print
 * stylesheet hide everything else until the browser reports `afterprint`.
 *
 * Ticks are read and saved through window.nextRoundProgress
 * (progress-store.js, which describes the saved format); nothing is sent
 * anywhere. Runs on every page view, including Material's instant navigation.
 */
(() => {
  "use strict";

  const store = window.nextRoundProgress;
  if (!store) return;

  /* ---- small DOM helpers -------------------------------------------- */

  function make(tag, className, text) {
    const node = document.createElement(tag);
    node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  /* A "3 of 8 done" text, a bar beside it, and a class on `holder` once all are done. */
  function makeBar() {
    const bar = make("progress", "nr-checklist__bar");
    bar.setAttribute("aria-hidden", "true");
    return bar;
  }

  function showProgress({ text, bar, holder, doneClass }, done, total) {
    text.textContent = `${done} of ${total} done`;
    bar.max = total;
    bar.value = done;
    holder.classList.toggle(doneClass, done === total);
  }

  function showNotices() {
    const notice = store.notice();
    document.querySelectorAll(".nr-notice").forEach((node) => {
      node.textContent = notice;
      node.hidden = !notice;
    });
  }

  /* ---- checklists ----------------------------------------------------- */

  function printAlone(list) {
    const marked = [];
    for (let node = list.parentElement; node && node !== document.documentElement; node = node.parentElement) {
      node.classList.add("nr-print-path");
      marked.push(node);
    }
    list.classList.add("nr-print-target");
    const root = document.documentElement;
    root.classList.add("nr-print-one");
    window.addEventListener(
      "afterprint",
      () => {
        root.classList.remove("nr-print-one");
        list.classList.remove("nr-print-target");
        marked.forEach((node) => node.classList.remove("nr-print-path"));
      },
      { once: true },
    );
    window.print();
  }

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
    const bar = makeBar();
    const progress = { text: status, bar, holder: list, doneClass: "nr-checklist--done" };
    const name = title ? title.textContent : id;
    const reset = make("button", "nr-checklist__reset", "Reset");
    reset.type = "button";
    reset.setAttribute("aria-label", `Reset "${name}"`);
    const print = make("button", "nr-checklist__print", "Print");
    print.type = "button";
    print.setAttribute("aria-label", `Print "${name}"`);
    print.addEventListener("click", () => printAlone(list));
    const tools = make("div", "nr-checklist__tools");
    tools.append(status, bar, print, reset);
    list.append(tools, make("p", "nr-notice"));

    function show() {
      const ticked = new Set(store.ticks(id));
      items.forEach((item) => (item.box.checked = ticked.has(item.id)));
      showProgress(progress, items.filter((item) => item.box.checked).length, items.length);
    }

    function save(ticked) {
      store.setTicks(id, ticked);
      show();
      showNotices();
    }

    items.forEach((item) =>
      item.box.addEventListener("change", () => save(items.filter((i) => i.box.checked).map((i) => i.id))),
    );
    reset.addEventListener("click", () => {
      if (window.confirm(`Clear every tick in "${name}"?`)) save([]);
    });
    return show;
  }

  /* ---- the progress page --------------------------------------------- */

  function download() {
    const link = make("a", "");
    link.href = URL.createObjectURL(new Blob([store.exportText()], { type: "application/json" }));
    link.download = "next-round-progress.json";
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  }

  function setupProgressPage(registry) {
    registry.dataset.nrReady = "1";
    const rows = [...registry.querySelectorAll(".nr-registry__entry")].map((entry) => {
      const text = entry.querySelector(".nr-registry__count");
      const bar = makeBar();
      entry.append(bar);
      const progress = { text, bar, holder: entry, doneClass: "nr-registry__entry--done" };
      return { id: entry.dataset.checklist, items: entry.dataset.items.split(" "), progress };
    });
    const message = make("p", "nr-progress__message");
    message.setAttribute("role", "status");
    const picker = make("input", "nr-progress__file");
    picker.type = "file";
    picker.accept = "application/json,.json";
    picker.hidden = true;
    const buttons = [
      ["Export", download],
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
      const lists = store.checklists();
      rows.forEach((row) => {
        const ticked = new Set(lists.get(row.id) || []);
        const done = row.items.filter((item) => ticked.has(item)).length;
        showProgress(row.progress, done, row.items.length);
      });
    }

    function say(text, isError) {
      message.textContent = text;
      message.classList.toggle("nr-progress__message--error", Boolean(isError));
    }

    function clearAll() {
      if (!window.confirm("Clear the ticks of every checklist on this site?")) return;
      store.clear();
      showAll();
      say("All checklists are cleared.");
    }

    picker.addEventListener("change", async () => {
      const file = picker.files[0];
      picker.value = "";
      if (!file) return;
      const { data, problem } = await store.readFile(file);
      if (problem) return say(`${problem} Nothing was changed.`, true);
      if (!window.confirm("Replace your current ticks with the ones in this file?")) return;
      if (!store.replace(data)) {
        return say(
          "Your ticks could not be imported: this browser's storage is full or turned off. " +
            "Your ticks are as they were.",
          true,
        );
      }
      showAll();
      say(`Progress imported from ${store.shorten(file.name)}.`);
    });
    return show;
  }

  /* ---- wiring ----------------------------------------------------------- */

  let views = []; // {node, show} for every checklist and registry set up

  function showAll() {
    views.forEach((view) => view.show());
    showNotices();
  }

  function main() {
    const lists = [...document.querySelectorAll(".nr-checklist[data-checklist]:not([data-nr-ready])")];
    const registry = document.querySelector("ul.nr-registry[data-nr-registry]:not([data-nr-ready])");
    if (!lists.length && !registry) return; // nothing new on this page
    store.newPage();
    views = views.filter((view) => document.contains(view.node));
    lists.forEach((list) => views.push({ node: list, show: setupChecklist(list) }));
    if (registry) views.push({ node: registry, show: setupProgressPage(registry) });
    showAll();
  }

  store.watch(showAll);

  // Material re-runs `document$` after each instant navigation; it does not
  // emit on file:// pages, so the first page is also set up on load.
  if (typeof document$ !== "undefined") document$.subscribe(main);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", main);
  else main();
})();
