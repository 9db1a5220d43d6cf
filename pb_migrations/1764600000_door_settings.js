/// <reference path="../pb_data/types.d.ts" />
// The door's settings: one record holding the front-door poster's code (members scan it to
// check themselves in; rotating it kills printed copies) and the venue's closing time
// ("HH:MM" venue time; at that time everyone still inside is checked out). Operators only:
// the app reads and writes it through the door routes (pb_hooks/door.pb.js), so the poster
// code never leaves the server except to hosts.
migrate(
  (app) => {
    const settings = new Collection({
      type: "base",
      name: "door_settings",
      listRule: null,
      viewRule: null,
      createRule: null,
      updateRule: null,
      deleteRule: null,
      fields: [
        { name: "poster_code", type: "text", pattern: "^[A-Z2-7]{26}$", max: 26 },
        { name: "closing_time", type: "text", pattern: "^([01][0-9]|2[0-3]):[0-5][0-9]$", max: 5 },
        { name: "created", type: "autodate", onCreate: true, onUpdate: false },
        { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
      ],
    });
    app.save(settings);
  },
  (app) => {
    app.delete(app.findCollectionByNameOrId("door_settings"));
  },
);
