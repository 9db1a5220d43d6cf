/// <reference path="../pb_data/types.d.ts" />
// Nightly, after the backup: what the venue promised not to keep is let go (pb_hooks/lib/retention.js).
cronAdd("coffice-retention", "30 3 * * *", () => {
  const done = require(`${__hooks}/lib/retention.js`).applyRetention($app, Date.now(), $os.getenv("COFFICE_RETENTION_MONTHS"));
  if (done.anonymised || done.signIns) {
    $app.logger().info("Retention", "before", done.before, "checkinsAnonymised", done.anonymised, "signInsDeleted", done.signIns);
  }
});
