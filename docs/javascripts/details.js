/* Next Round "Your details": the reader's name, the job and more, written into
 * every message template.
 *
 * The build (nextround/render/details.py) marks each placeholder of a code
 * block as <span class="nr-ph">, with data-nr-ph="<field>" where the form
 * fills it; puts a hidden "Fill in your details" link after each template;
 * and gives the form's holder ([data-nr-details], on the templates page) its
 * fields as JSON in data-nr-fields. This script shows the links and the holder,
 * builds the form in it, and writes each detail into its spans as text
 * (textContent, never HTML). A placeholder with no detail keeps its brackets
 * and gets the class nr-ph--empty. Without JavaScript nothing changes.
 *
 * Details are saved through nr.store (progress-store.js, section "details");
 * nothing is sent anywhere. Pages with a template or the form load it.
 */
nextRound.module("details", (nr) => {
  "use strict";

  const { make, store } = nr;

  let showForm = () => {};

  function fill() {
    const details = store.details();
    document.querySelectorAll(".nr-ph").forEach((span) => {
      span.dataset.nrBracket ||= span.textContent;
      const text = details.get(span.dataset.nrPh);
      span.textContent = text || span.dataset.nrBracket;
      span.classList.toggle("nr-ph--empty", !text);
    });
  }

  function setupForm(holder) {
    holder.dataset.nrReady = "1";
    const fields = make("div", "nr-details__fields");
    const inputs = JSON.parse(holder.dataset.nrFields).map(([field, label]) => {
      const input = make("input", "nr-details__input");
      Object.assign(input, { id: "nr-detail-" + field, name: field, type: "text", maxLength: 200 });
      input.autocomplete = field === "you" ? "name" : "off";
      const name = make("label", "", label);
      name.htmlFor = input.id;
      const row = make("p", "nr-details__field");
      row.append(name, input);
      fields.append(row);
      input.addEventListener("input", save);
      return input;
    });
    const clear = make("button", "md-button nr-details__clear", nr.t("details.clear"));
    clear.type = "button";
    const status = make("p", "nr-details__status");
    status.setAttribute("role", "status");
    holder.append(fields, clear, status);
    holder.hidden = false;

    function save() {
      const details = store.details();
      inputs.forEach((input) => {
        const text = input.value.trim();
        if (text) details.set(input.name, text);
        else details.delete(input.name);
      });
      status.textContent = store.setDetails(details) ? "" : nr.t("details.not-saved");
      fill();
    }

    clear.addEventListener("click", () => {
      inputs.forEach((input) => (input.value = ""));
      save();
      status.textContent ||= nr.t("details.cleared");
    });

    // Only a field whose saved text changed elsewhere (another tab, Import,
    // Clear) is rewritten, so the space a reader is typing is kept.
    showForm = () => {
      const details = store.details();
      inputs.forEach((input) => {
        const text = details.get(input.name) || "";
        if (input.value.trim() !== text) input.value = text;
      });
    };
    showForm();
  }

  function main() {
    document.querySelectorAll(".nr-fill[hidden]").forEach((link) => (link.hidden = false));
    const holder = document.querySelector("[data-nr-details][data-nr-fields]:not([data-nr-ready])");
    if (holder) setupForm(holder);
    fill();
  }

  store.watch(() => {
    showForm();
    fill();
  });

  nr.onPage(main);
});
