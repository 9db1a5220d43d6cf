/// <reference path="../pb_data/types.d.ts" />
// How many places of an event are taken (confirmed registrations), kept by the server in
// the same transaction that decides each registration: people see places left without
// reading anyone's registration, and offline devices get it with the programme's delta sync.
migrate(
  (app) => {
    const events = app.findCollectionByNameOrId("events");
    events.fields.add(new NumberField({ name: "taken", min: 0, onlyInt: true }));
    app.save(events);
    app
      .db()
      .newQuery("UPDATE events SET taken = (SELECT COUNT(*) FROM registrations r WHERE r.event = events.id AND r.status = 'confirmed')")
      .execute();
  },
  (app) => {
    const events = app.findCollectionByNameOrId("events");
    events.fields.removeByName("taken");
    app.save(events);
  },
);
