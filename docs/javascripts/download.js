/* Next Round: offer a file made in this browser (a Blob, no network), for the
 * progress page's Export and the plan's calendar file. */
nextRound.module("download", (nr) => {
  "use strict";

  nr.download = (text, name, type) => {
    const link = nr.make("a", "");
    link.href = URL.createObjectURL(new Blob([text], { type }));
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  };
});
