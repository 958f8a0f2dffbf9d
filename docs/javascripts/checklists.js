/* Next Round checklists: the checkboxes, each checklist's progress, Print and Reset.
 *
 * The build renders each `/// checklist` block as <div class="nr-checklist"
 * data-checklist="<id>"> with one <li data-item="<item id>"> per item. Ticks
 * are read and saved through nr.store (progress-store.js, which describes the
 * saved format); nothing is sent anywhere. Each item gets a Note button
 * (notes.js) and each checklist a Print button (print-button.js).
 */
nextRound.module("checklists", (nr) => {
  "use strict";

  const { make, store, progressBar } = nr;
  // Boxes the reader ticked or unticked before their checklist was set up: the page
  // shows its boxes at once. After a reload or Back the browser may tick boxes itself
  // (restoring the form), so there only a change seen since this script ran counts.
  const touched = new WeakSet();
  document.addEventListener("change", (event) => touched.add(event.target), true);
  const [arrival] = performance.getEntriesByType("navigation");
  const fresh = !arrival || arrival.type === "navigate";

  function setupChecklist(list) {
    const id = list.dataset.checklist;
    const title = list.querySelector(".nr-checklist__title");
    const items = [...list.querySelectorAll(".nr-checklist__item[data-item]")].map((li) => ({
      id: li.dataset.item,
      box: li.querySelector("input[type=checkbox]"),
      note: nr.setupNote(id, li),
    }));
    const status = make("p", "nr-checklist__status");
    status.setAttribute("role", "status");
    const bar = progressBar.make();
    const progress = { text: status, bar, holder: list, doneClass: "nr-checklist--done" };
    const name = title ? title.textContent : id;
    const reset = make("button", "nr-checklist__reset", nr.t("checklist.reset"));
    reset.type = "button";
    reset.setAttribute("aria-label", nr.t("checklist.reset-label", { name }));
    const print = make("button", "nr-checklist__print", nr.t("checklist.print"));
    print.type = "button";
    print.setAttribute("aria-label", nr.t("checklist.print-label", { name }));
    print.addEventListener("click", () => nr.printAlone(list));
    const tools = make("div", "nr-checklist__tools");
    tools.append(status, bar, print, reset);
    list.append(tools, make("p", "nr-notice"));

    const save = () =>
      store.setTicks(
        id,
        items.filter((i) => i.box.checked).map((i) => i.id),
      );
    items.forEach((item) => item.box.addEventListener("change", save));
    const early = items.filter((item) => touched.has(item.box) || (fresh && item.box.checked));
    if (early.length) {
      const ticks = new Set(store.ticks(id));
      early.forEach((item) => (item.box.checked ? ticks.add(item.id) : ticks.delete(item.id)));
      store.setTicks(
        id,
        items.filter((item) => ticks.has(item.id)).map((item) => item.id),
      );
    }
    reset.addEventListener("click", () => window.confirm(nr.t("checklist.reset-confirm", { name })) && store.reset(id));

    return () => {
      const ticked = new Set(store.ticks(id));
      const notes = store.notes(id);
      items.forEach((item) => {
        item.box.checked = ticked.has(item.id);
        item.note(notes.get(item.id) || "");
      });
      progressBar.show(progress, items.filter((item) => item.box.checked).length, items.length);
    };
  }

  nr.view(".nr-checklist[data-checklist]", setupChecklist);
});
