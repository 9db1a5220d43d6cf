/// <reference path="../pb_data/types.d.ts" />
// Passes keep their QR modules in a hidden field, drawn once per code (pb_hooks/lib/passes.js)
// instead of for every pass of every passes answer. Shown to the holder only, never for a
// revoked pass (pb_hooks/passes.pb.js). Existing valid passes are filled here, in SQL so
// their `updated` stays as it was (the modules are what they were already sent).
migrate(
  (app) => {
    const passes = app.findCollectionByNameOrId("passes");
    passes.fields.add(new TextField({ name: "qr", hidden: true, max: 20000 }));
    app.save(passes);
    const { passQrModules } = require(`${__hooks}/lib/vendor/pass-qr.js`);
    app.findRecordsByFilter("passes", "revoked = false", "", 0, 0).forEach((pass) => {
      app
        .db()
        .newQuery("UPDATE passes SET qr = {:qr} WHERE id = {:id}")
        .bind({ qr: passQrModules(pass.getString("code")), id: pass.id })
        .execute();
    });
  },
  (app) => {
    const passes = app.findCollectionByNameOrId("passes");
    passes.fields.removeByName("qr");
    app.save(passes);
  },
);
