/// <reference path="../pb_data/types.d.ts" />
// The programme: everyone reads published events; hosts write and read drafts.
migrate(
  (app) => {
    const spaces = app.findCollectionByNameOrId("spaces");
    const HOST = "@request.auth.role = 'host'";
    const events = new Collection({
      type: "base",
      name: "events",
      listRule: `status = 'published' || status = 'cancelled' || ${HOST}`,
      viewRule: `status = 'published' || status = 'cancelled' || ${HOST}`,
      createRule: HOST,
      updateRule: HOST,
      deleteRule: HOST,
      fields: [
        { name: "title", type: "text", required: true, min: 1, max: 160, presentable: true },
        { name: "summary", type: "text", max: 300 },
        { name: "description", type: "text", max: 8000 },
        {
          name: "kind",
          type: "select",
          values: ["talk", "course", "breakfast", "meetup", "other"],
          maxSelect: 1,
          required: true,
        },
        { name: "speaker", type: "text", max: 160 },
        { name: "space", type: "relation", collectionId: spaces.id, maxSelect: 1, cascadeDelete: false },
        { name: "starts", type: "date", required: true },
        { name: "ends", type: "date", required: true },
        { name: "capacity", type: "number", min: 0, max: 10000, onlyInt: true },
        {
          name: "status",
          type: "select",
          values: ["draft", "published", "cancelled"],
          maxSelect: 1,
          required: true,
        },
        { name: "reentry", type: "bool" },
        { name: "created", type: "autodate", onCreate: true, onUpdate: false },
        { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
      ],
      indexes: ["CREATE INDEX idx_events_starts ON events (starts)", "CREATE INDEX idx_events_updated ON events (updated)"],
    });
    app.save(events);
  },
  (app) => {
    app.delete(app.findCollectionByNameOrId("events"));
  },
);
