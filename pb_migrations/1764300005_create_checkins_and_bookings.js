/// <reference path="../pb_data/types.d.ts" />
// Check-ins are facts recorded by the door routes only (no collection writes).
// Bookings: members and hosts book rooms; overlaps are refused by pb_hooks/bookings.pb.js.
migrate(
  (app) => {
    const users = app.findCollectionByNameOrId("users");
    const events = app.findCollectionByNameOrId("events");
    const passes = app.findCollectionByNameOrId("passes");
    const spaces = app.findCollectionByNameOrId("spaces");
    const HOST = "@request.auth.role = 'host'";

    const checkins = new Collection({
      type: "base",
      name: "checkins",
      listRule: `holder = @request.auth.id || ${HOST}`,
      viewRule: `holder = @request.auth.id || ${HOST}`,
      createRule: null,
      updateRule: null,
      deleteRule: null,
      fields: [
        { name: "pass", type: "relation", collectionId: passes.id, maxSelect: 1, cascadeDelete: false },
        { name: "holder", type: "relation", collectionId: users.id, maxSelect: 1, cascadeDelete: false },
        { name: "event", type: "relation", collectionId: events.id, maxSelect: 1, cascadeDelete: false },
        { name: "direction", type: "select", values: ["in", "out"], maxSelect: 1, required: true },
        { name: "source", type: "select", values: ["door", "self", "manual"], maxSelect: 1, required: true },
        {
          name: "verdict",
          type: "select",
          values: ["admitted", "already_in", "wrong_event", "outside_window", "revoked", "unknown", "invalid"],
          maxSelect: 1,
          required: true,
        },
        { name: "scanned_at", type: "date", required: true },
        { name: "device", type: "text", max: 64 },
        { name: "conflict", type: "bool" },
        { name: "created", type: "autodate", onCreate: true, onUpdate: false },
        { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
      ],
      indexes: [
        "CREATE INDEX idx_checkins_pass ON checkins (pass, scanned_at)",
        "CREATE INDEX idx_checkins_event ON checkins (event)",
        "CREATE INDEX idx_checkins_scanned_at ON checkins (scanned_at)",
      ],
    });
    app.save(checkins);

    const MEMBER_OR_HOST = "(@request.auth.role = 'member' || @request.auth.role = 'host')";
    const bookings = new Collection({
      type: "base",
      name: "bookings",
      listRule: MEMBER_OR_HOST,
      viewRule: MEMBER_OR_HOST,
      createRule: `(${MEMBER_OR_HOST} && @request.body.user = @request.auth.id) || ${HOST}`,
      updateRule:
        `(@request.auth.role = 'member' && user = @request.auth.id && ` +
        `(@request.body.user:isset = false || @request.body.user = user)) || ${HOST}`,
      deleteRule: `(@request.auth.role = 'member' && user = @request.auth.id) || ${HOST}`,
      fields: [
        { name: "space", type: "relation", collectionId: spaces.id, maxSelect: 1, required: true, cascadeDelete: false },
        { name: "user", type: "relation", collectionId: users.id, maxSelect: 1, required: true, cascadeDelete: false },
        { name: "starts", type: "date", required: true },
        { name: "ends", type: "date", required: true },
        { name: "title", type: "text", max: 120 },
        { name: "created", type: "autodate", onCreate: true, onUpdate: false },
        { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
      ],
      indexes: ["CREATE INDEX idx_bookings_space_time ON bookings (space, starts, ends)"],
    });
    app.save(bookings);
  },
  (app) => {
    app.delete(app.findCollectionByNameOrId("bookings"));
    app.delete(app.findCollectionByNameOrId("checkins"));
  },
);
