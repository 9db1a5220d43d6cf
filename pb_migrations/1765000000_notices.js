/// <reference path="../pb_data/types.d.ts" />
// Notices (DESIGN "Notices"): what people choose to be told (`users.mail_notices`), the
// server's outbox of messages (`notices`: written in the same transaction as the fact it tells,
// one per fact by its unique `key`, sent by a worker that retries), and the installed apps'
// web push subscriptions. Only the server writes notices; a person reads their own, hosts all.
migrate(
  (app) => {
    const users = app.findCollectionByNameOrId("users");
    const events = app.findCollectionByNameOrId("events");
    users.fields.add(new SelectField({ name: "mail_notices", values: ["all", "essential", "none"], maxSelect: 1 }));
    app.save(users);
    // a host's short message to an event's registered people, mailed and shown on the event page
    events.fields.add(new TextField({ name: "message", max: 500 }));
    events.fields.add(new DateField({ name: "message_at" }));
    app.save(events);

    const HOST = "@request.auth.role = 'host'";
    const OWN = "user = @request.auth.id";
    const notices = new Collection({
      type: "base",
      name: "notices",
      listRule: `${OWN} || ${HOST}`,
      viewRule: `${OWN} || ${HOST}`,
      createRule: null,
      updateRule: null,
      deleteRule: null,
      fields: [
        { name: "user", type: "relation", collectionId: users.id, maxSelect: 1, required: true, cascadeDelete: true },
        {
          name: "kind",
          type: "select",
          values: ["confirmed", "waitlisted", "promoted", "changed", "cancelled", "reminder", "welcome", "application", "message"],
          maxSelect: 1,
          required: true,
        },
        { name: "event", type: "relation", collectionId: events.id, maxSelect: 1, cascadeDelete: false },
        { name: "channel", type: "select", values: ["mail", "push"], maxSelect: 1, required: true },
        { name: "status", type: "select", values: ["pending", "sent", "failed", "skipped"], maxSelect: 1, required: true },
        { name: "attempts", type: "number", min: 0, onlyInt: true },
        { name: "key", type: "text", required: true, max: 200 },
        { name: "sent_at", type: "date" },
        { name: "error", type: "text", max: 500 },
        // what the message says beyond the records it names (old → new time or place, a
        // waitlist position, a host's words), and when the worker may try it next
        { name: "data", type: "json", maxSize: 20000 },
        { name: "next_at", type: "date" },
        { name: "created", type: "autodate", onCreate: true, onUpdate: false },
        { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
      ],
      indexes: [
        "CREATE UNIQUE INDEX idx_notices_key ON notices (`key`)",
        "CREATE INDEX idx_notices_due ON notices (status, next_at)",
        "CREATE INDEX idx_notices_user ON notices (user, created)",
      ],
    });
    app.save(notices);

    const subscriptions = new Collection({
      type: "base",
      name: "push_subscriptions",
      listRule: OWN,
      viewRule: OWN,
      createRule: "@request.auth.id != '' && @request.body.user = @request.auth.id",
      updateRule: null,
      deleteRule: OWN,
      fields: [
        { name: "user", type: "relation", collectionId: users.id, maxSelect: 1, required: true, cascadeDelete: true },
        { name: "endpoint", type: "url", required: true, onlyDomains: [], exceptDomains: [] },
        { name: "p256dh", type: "text", required: true, max: 200 },
        { name: "auth", type: "text", required: true, max: 100 },
        { name: "user_agent", type: "text", max: 300 },
        { name: "created", type: "autodate", onCreate: true, onUpdate: false },
        { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
      ],
      indexes: ["CREATE UNIQUE INDEX idx_push_subscriptions_endpoint ON push_subscriptions (endpoint)"],
    });
    app.save(subscriptions);
  },
  (app) => {
    app.delete(app.findCollectionByNameOrId("push_subscriptions"));
    app.delete(app.findCollectionByNameOrId("notices"));
    const users = app.findCollectionByNameOrId("users");
    users.fields.removeByName("mail_notices");
    app.save(users);
    const events = app.findCollectionByNameOrId("events");
    events.fields.removeByName("message");
    events.fields.removeByName("message_at");
    app.save(events);
  },
);
