/* Next Round: a checklist's Print button prints that checklist alone. It marks
 * the checklist and the elements around it, and a class on <html> makes the
 * print styles (checklists.css) hide everything else until the browser reports
 * `afterprint`. */
nextRound.module("print-button", (nr) => {
  "use strict";

  nr.printAlone = (list) => {
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
  };
});
