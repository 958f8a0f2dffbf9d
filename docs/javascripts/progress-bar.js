/* Next Round: a "3 of 8 done" text with a bar beside it, for checklists and the
 * progress page. */
nextRound.module("progress-bar", (nr) => {
  "use strict";

  nr.progressBar = {
    /* The bar; screen readers hear the text beside it instead. */
    make() {
      const bar = nr.make("progress", "nr-checklist__bar");
      bar.setAttribute("aria-hidden", "true");
      return bar;
    },

    /* Show `done` of `total`, and put `doneClass` on `holder` once all are done. */
    show({ text, bar, holder, doneClass }, done, total) {
      text.textContent = nr.t("progress.done", { done, total });
      bar.max = total;
      bar.value = done;
      holder.classList.toggle(doneClass, done === total);
    },
  };
});
