/// <reference path="../pb_data/types.d.ts" />
// Registrations: a person registers themselves; the server sets the status
// (pb_hooks/registrations.pb.js). A person may only cancel their own, by setting
// status to "cancelled"; hosts manage all.
migrate(
  (app) => {
    const users = app.findCollectionByNameOrId("users");
    const events = app.findCollectionByNameOrId("events");
    const HOST = "@request.auth.role = 'host'";
    const OWN = "user = @request.auth.id";
    const registrations = new Collection({
      type: "base",
      name: "registrations",
      listRule: `${OWN} || ${HOST}`,
      viewRule: `${OWN} || ${HOST}`,
      createRule: `(@request.auth.id != '' && @request.body.user = @request.auth.id && @request.body.status:isset = false) || ${HOST}`,
      updateRule:
        `(${OWN} && @request.body.status = 'cancelled' && ` +
        `(@request.body.event:isset = false || @request.body.event = event) && ` +
        `(@request.body.user:isset = false || @request.body.user = user)) || ${HOST}`,
      deleteRule: null,
      fields: [
        { name: "event", type: "relation", collectionId: events.id, maxSelect: 1, required: true, cascadeDelete: false },
        { name: "user", type: "relation", collectionId: users.id, maxSelect: 1, required: true, cascadeDelete: false },
        {
          name: "status",
          type: "select",
          values: ["confirmed", "waitlisted", "cancelled"],
          maxSelect: 1,
          required: true,
        },
        { name: "created", type: "autodate", onCreate: true, onUpdate: false },
        { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
      ],
      indexes: [
        "CREATE UNIQUE INDEX idx_registrations_event_user ON registrations (event, user)",
        "CREATE INDEX idx_registrations_event_status ON registrations (event, status, created)",
        "CREATE INDEX idx_registrations_updated ON registrations (updated)",
      ],
    });
    app.save(registrations);
  },
  (app) => {
    app.delete(app.findCollectionByNameOrId("registrations"));
  },
);
