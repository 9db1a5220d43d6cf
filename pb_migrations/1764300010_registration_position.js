/// <reference path="../pb_data/types.d.ts" />
// The order in which the server accepted each registration to an event: the waitlist
// moves up by it. Set by pb_hooks/registrations.pb.js inside the deciding transaction,
// so it is exact even when many people register in the same millisecond.
migrate(
  (app) => {
    const registrations = app.findCollectionByNameOrId("registrations");
    registrations.fields.add(new NumberField({ name: "position", min: 0, onlyInt: true }));
    registrations.indexes.push("CREATE INDEX idx_registrations_event_position ON registrations (event, position)");
    app.save(registrations);
  },
  (app) => {
    const registrations = app.findCollectionByNameOrId("registrations");
    registrations.fields.removeByName("position");
    registrations.indexes = registrations.indexes.filter((i) => i.indexOf("idx_registrations_event_position") === -1);
    app.save(registrations);
  },
);
