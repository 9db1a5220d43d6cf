/// <reference path="../pb_data/types.d.ts" />
// Issue #17: the passes answer and insights on a long history.
// - `passes.qr` (a pass's QR modules, drawn once per code) is no longer hidden: they follow
//   from `code`, which everyone who may read a pass already gets, and unhiding them per
//   request took a hook on every passes answer (docs/DECISIONS.md).
migrate(
  (app) => {
    const passes = app.findCollectionByNameOrId("passes");
    passes.fields.getByName("qr").hidden = false;
    app.save(passes);
  },
  (app) => {
    const passes = app.findCollectionByNameOrId("passes");
    passes.fields.getByName("qr").hidden = true;
    app.save(passes);
  },
);
