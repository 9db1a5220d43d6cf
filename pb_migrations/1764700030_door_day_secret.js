/// <reference path="../pb_data/types.d.ts" />
// The secret behind the door code of the day (docs/DOOR.md "Self check-in"): members' self
// check-in takes the poster's code and a six-digit code derived from this secret, the poster
// code and the venue day, which the door screen at the entrance shows. It never leaves the
// server (hidden, and the collection is for operators only); a settings record made before
// this migration gets one here, a new one where pb_hooks/lib/door-settings.js makes it.
migrate(
  (app) => {
    const settings = app.findCollectionByNameOrId("door_settings");
    settings.fields.add(new TextField({ name: "day_secret", hidden: true, max: 64 }));
    app.save(settings);
    app.findRecordsByFilter("door_settings", "", "", 0, 0).forEach((record) => {
      record.set("day_secret", $security.randomString(40));
      app.save(record);
    });
  },
  (app) => {
    const settings = app.findCollectionByNameOrId("door_settings");
    settings.fields.removeByName("day_secret");
    app.save(settings);
  },
);
