/// <reference path="../pb_data/types.d.ts" />
// The secret in a person's calendar feed URL (webcal). Calendar apps cannot send an auth
// header, so the URL itself authenticates; the secret is hidden from every API answer and
// only pb_hooks/calendar.pb.js reads, creates and resets it.
migrate(
  (app) => {
    const users = app.findCollectionByNameOrId("users");
    users.fields.add(new TextField({ name: "calendar_secret", hidden: true, max: 64 }));
    app.save(users);
  },
  (app) => {
    const users = app.findCollectionByNameOrId("users");
    users.fields.removeByName("calendar_secret");
    app.save(users);
  },
);
