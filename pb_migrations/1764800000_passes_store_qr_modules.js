/// <reference path="../pb_data/types.d.ts" />
// Passes keep their QR modules in a hidden field, drawn once per code (pb_hooks/lib/passes.js)
// instead of for every pass of every passes answer. Shown to the holder only, never for a
// revoked pass (pb_hooks/passes.pb.js). Existing valid passes get theirs when their holder
// first reads them (lib/passes.js), not here: a migration needs nothing from pb_hooks, so it
// runs the same in any later version and with any hooks folder.
migrate(
  (app) => {
    const passes = app.findCollectionByNameOrId("passes");
    passes.fields.add(new TextField({ name: "qr", hidden: true, max: 20000 }));
    app.save(passes);
  },
  (app) => {
    const passes = app.findCollectionByNameOrId("passes");
    passes.fields.removeByName("qr");
    app.save(passes);
  },
);
