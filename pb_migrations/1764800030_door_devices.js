/// <reference path="../pb_data/types.d.ts" />
// Door devices' names ("Entrén", "Kvarnen"): a check-in keeps the device's stable id in
// `device` (the scan contract); this maps that id to the name a host gave the device, so a
// verdict can say "first scanned 21:29 at Entrén" (docs/DOOR.md). Operators only: the door
// routes read and write it (POST /api/coffice/door-device, the door list's `devices`).
migrate(
  (app) => {
    const devices = new Collection({
      type: "base",
      name: "door_devices",
      listRule: null,
      viewRule: null,
      createRule: null,
      updateRule: null,
      deleteRule: null,
      fields: [
        { name: "device", type: "text", required: true, max: 64 },
        { name: "name", type: "text", max: 40 },
        { name: "created", type: "autodate", onCreate: true, onUpdate: false },
        { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
      ],
      indexes: ["CREATE UNIQUE INDEX idx_door_devices_device ON door_devices (device)"],
    });
    app.save(devices);
  },
  (app) => {
    app.delete(app.findCollectionByNameOrId("door_devices"));
  },
);
