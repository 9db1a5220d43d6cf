/// <reference path="../pb_data/types.d.ts" />
// The venue's own settings: its name, street address and map link, shown on the event page,
// on /join, on passes and as the LOCATION of every calendar file. One record (fixed id
// "venuesettings01"); everyone reads it (it is on the door poster anyway), hosts edit it,
// nobody creates or deletes one. The default is the demo venue in Söderköping.
migrate(
  (app) => {
    const venue = new Collection({
      type: "base",
      name: "venue",
      listRule: "",
      viewRule: "",
      createRule: null,
      updateRule: '@request.auth.role = "host"',
      deleteRule: null,
      fields: [
        { name: "name", type: "text", required: true, min: 1, max: 120 },
        { name: "address", type: "text", max: 200 },
        { name: "map_url", type: "url", onlyDomains: [], exceptDomains: [] },
        { name: "created", type: "autodate", onCreate: true, onUpdate: false },
        { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
      ],
    });
    app.save(venue);
    const record = new Record(venue);
    record.set("id", "venuesettings01");
    record.set("name", "Coffice Söderköping");
    record.set("address", "Hagatorget 1, 614 30 Söderköping");
    record.set("map_url", "https://www.openstreetmap.org/search?query=Hagatorget%2C%20S%C3%B6derk%C3%B6ping");
    app.save(record);
  },
  (app) => {
    app.delete(app.findCollectionByNameOrId("venue"));
  },
);
