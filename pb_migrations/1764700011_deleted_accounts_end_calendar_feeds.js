/// <reference path="../pb_data/types.d.ts" />
// Accounts deleted before the calendar secret was cleared on deletion (pb_hooks/lib/my-data.js)
// still had a working feed link: end those too. Deleted accounts are the ones anonymised to
// deleted-<id>@deleted.invalid.
migrate(
  (app) => {
    app
      .db()
      .newQuery("UPDATE users SET calendar_secret = '' WHERE email LIKE {:deleted} AND calendar_secret != ''")
      .bind({ deleted: "%@deleted.invalid" })
      .execute();
  },
  () => {
    // a feed secret once cleared cannot come back
  },
);
