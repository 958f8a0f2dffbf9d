/* Next Round: colors switch at once when the reader picks light or dark.
 * Material stops every transition while its palette switches, by a rule on an
 * attribute that it also sets on every page load, which restyled the whole page
 * three more times while it loaded. The build keys that rule on
 * data-nr-switching instead (nextround/render/material_assets.py), set here
 * only when the reader changes the palette, before Material's own handler, and
 * cleared once the new colors are drawn. Every page loads it. */
nextRound.module("palette-switch", () => {
  "use strict";

  document.addEventListener(
    "change",
    (event) => {
      if (event.target.name !== "__palette") return;
      document.body.dataset.nrSwitching = "";
      requestAnimationFrame(() => requestAnimationFrame(() => delete document.body.dataset.nrSwitching));
    },
    true,
  );
});
