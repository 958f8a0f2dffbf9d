/* Next Round "My progress": every checklist's count and notes, and Export,
 * Import and Clear all for the reader's data (nr.store, progress-store.js).
 *
 * The build writes the list (<ul class="nr-registry" data-nr-registry>): one
 * entry per checklist with its item ids, its "0 of 7 done" and bar and, hidden,
 * each item's text for its note; and before it the buttons, disabled, which
 * this script enables (nextround/render/progress_registry.py). Imports are
 * checked by the store and never half-applied.
 */
nextRound.module("progress-page", (nr) => {
  "use strict";

  const { make, store, progressBar } = nr;

  function setupProgressPage(registry) {
    const rows = [...registry.querySelectorAll(".nr-registry__entry")].map((entry) => {
      const text = entry.querySelector(".nr-registry__done");
      const bar = entry.querySelector(".nr-checklist__bar");
      const progress = { text, bar, holder: entry, doneClass: "nr-registry__entry--done" };
      const notes = entry.querySelector(".nr-registry__notes");
      const lines = [...notes.children].map((li) => [li, li.dataset.item, li.appendChild(make("span", "nr-note__text"))]);
      return { id: entry.dataset.checklist, items: entry.dataset.items.split(" "), progress, notes, lines };
    });
    const page = registry.parentElement;
    const message = page.querySelector(".nr-progress__message");
    const picker = page.querySelector(".nr-progress__file");
    const actions = {
      export: () => nr.download(store.exportText(), "next-round-progress.json", "application/json"),
      import: () => picker.click(),
      clear: clearAll,
    };
    page.querySelectorAll(".nr-progress__button[data-nr-action]").forEach((button) => {
      button.addEventListener("click", actions[button.dataset.nrAction]);
      button.disabled = false;
    });

    function say(text, isError) {
      message.textContent = text;
      message.classList.toggle("nr-progress__message--error", Boolean(isError));
    }

    function clearAll() {
      if (!window.confirm(nr.t("progress.clear-all-confirm"))) return;
      store.clear();
      nr.showAll();
      say(nr.t("progress.cleared"));
    }

    picker.addEventListener("change", async () => {
      const file = picker.files[0];
      picker.value = "";
      if (!file) return;
      const { data, problem } = await store.readFile(file);
      if (problem) return say(nr.t("progress.import-refused", { problem }), true);
      if (!window.confirm(nr.t("progress.import-confirm"))) return;
      if (!store.replace(data)) return say(nr.t("progress.import-no-room"), true);
      nr.showAll();
      say(nr.t("progress.imported", { file: store.shorten(file.name) }));
    });

    return () => {
      const lists = store.checklists();
      rows.forEach((row) => {
        const ticked = new Set(lists.get(row.id) || []);
        const done = row.items.filter((item) => ticked.has(item)).length;
        progressBar.show(row.progress, done, row.items.length);
        const notes = store.notes(row.id);
        row.lines.forEach(([li, item, note]) => (li.hidden = !(note.textContent = notes.get(item) || "")));
        row.notes.hidden = row.lines.every(([li]) => li.hidden);
      });
    };
  }

  nr.view("ul.nr-registry[data-nr-registry]", setupProgressPage);
});
