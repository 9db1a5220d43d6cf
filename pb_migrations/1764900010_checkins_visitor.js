/// <reference path="../pb_data/types.d.ts" />
// Retention (pb_hooks/lib/retention.js): a check-in older than the venue keeps people's data
// loses its link to the person (holder, pass) and keeps only `visitor`, an opaque key that is
// the same for one person's check-ins at one event or on one venue day — all the counting of
// insights needs, and nothing that leads back to a person. Hidden: only the server reads it.
migrate(
  (app) => {
    const checkins = app.findCollectionByNameOrId("checkins");
    checkins.fields.add(new TextField({ name: "visitor", max: 64, hidden: true }));
    app.save(checkins);
  },
  (app) => {
    const checkins = app.findCollectionByNameOrId("checkins");
    checkins.fields.removeByName("visitor");
    app.save(checkins);
  },
);
