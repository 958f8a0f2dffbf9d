/* Next Round notes: each checklist item's Note button opens a short note field.
 * A saved note shows under its item, on the progress page, and in print beside
 * its item (the label's data-note, which the print styles show). Notes are
 * saved through nr.store (progress-store.js); the text is only ever set as text.
 */
nextRound.module("notes", (nr) => {
  "use strict";

  const { make, store } = nr;

  /* Item `li`'s Note button, note field and saved note; returns show(note). */
  nr.setupNote = (checklistId, li) => {
    const label = li.querySelector(".nr-checklist__label");
    const toggle = make("button", "nr-note__toggle", nr.t("note.button"));
    toggle.type = "button";
    toggle.ariaLabel = nr.t("note.button-label", { item: label.textContent.trim() });
    toggle.ariaExpanded = false;
    const saved = make("p", "nr-note__text");
    const editor = make("label", "nr-note__editor", nr.t("note.field"));
    const field = make("textarea", "nr-note__field");
    field.maxLength = 280;
    editor.append(field);
    editor.hidden = true;
    const hint = label.nextElementSibling;
    (hint && hint.matches(".nr-checklist__hint") ? hint : label).after(saved, editor);
    label.after(toggle);

    function open(yes) {
      editor.hidden = !yes;
      saved.hidden = yes || !saved.textContent;
      toggle.ariaExpanded = yes;
      (yes ? field : toggle).focus();
    }
    toggle.addEventListener("click", () => open(editor.hidden));
    field.addEventListener("input", () => store.setNote(checklistId, li.dataset.item, field.value));
    return (note) => {
      saved.textContent = note;
      saved.hidden = !note || !editor.hidden;
      if (note) label.dataset.note = note;
      else delete label.dataset.note;
      if (document.activeElement !== field) field.value = note;
    };
  };
});
