/* Next Round "Your details": the reader's name, the job and more, written into
 * every message template.
 *
 * The build (nextround/render/details.py) marks each placeholder of a code
 * block as <span class="nr-ph">, with data-nr-ph="<field>" where the form
 * fills it; puts a "Fill in your details" link after each template; and writes
 * the form, disabled, into its holder ([data-nr-details], on the templates
 * page). details.css shows the holder and the links only where scripts run
 * (or the page has .nr-scripting, core.js), so nothing moves when this script
 * enables the form. It writes each detail into
 * its spans as text (textContent, never HTML) and marks a filled span
 * nr-ph--filled; a placeholder with no detail keeps its brackets and stays
 * highlighted. Without JavaScript the templates show their brackets, as typed.
 *
 * Details are saved through nr.store (progress-store.js, section "details");
 * nothing is sent anywhere. Pages with a template or the form load it.
 */
nextRound.module("details", (nr) => {
  "use strict";

  const { store } = nr;
  const brackets = new WeakMap(); // each span's own text, "[Your name]"

  let showForm = () => {};

  /* Write the saved details into the spans; a span already right is not touched. */
  function fill() {
    const details = store.details();
    document.querySelectorAll(".nr-ph").forEach((span) => {
      if (!brackets.has(span)) brackets.set(span, span.textContent);
      const text = details.get(span.dataset.nrPh);
      const shown = text || brackets.get(span);
      if (span.textContent !== shown) span.textContent = shown;
      span.classList.toggle("nr-ph--filled", Boolean(text));
    });
  }

  function setupForm(holder) {
    holder.dataset.nrReady = "1";
    const inputs = [...holder.querySelectorAll(".nr-details__input")];
    const clear = holder.querySelector(".nr-details__clear");
    const status = holder.querySelector(".nr-details__status");

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

    inputs.forEach((input) => {
      input.addEventListener("input", save);
      input.disabled = false;
    });
    clear.addEventListener("click", () => {
      inputs.forEach((input) => (input.value = ""));
      save();
      status.textContent ||= nr.t("details.cleared");
    });
    clear.disabled = false;
  }

  function main() {
    const holder = document.querySelector("[data-nr-details]:not([data-nr-ready])");
    if (holder?.querySelector(".nr-details__input")) setupForm(holder);
    fill();
  }

  store.watch(() => {
    showForm();
    fill();
  });

  nr.onPage(main);
});
