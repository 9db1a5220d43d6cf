// Whether a one-time-code mail went out. PocketBase sends it after answering (so the answer
// tells nobody whether an address had an account) and, when sending fails, deletes the code
// and only logs it: the app would say "we mailed you a code" about a mail that never left.
// The outcome is kept in memory by code id for half an hour, for the app to ask
// (GET /api/coffice/otp-status/{id}; a cron in auth.pb.js forgets older ones);
// an account the request made on the spot is removed again when its first mail fails.
const KEEP_MS = 30 * 60 * 1000;
const STATUS_PREFIX = "coffice:otp-mail:";
const NEW_PREFIX = "coffice:otp-new-account:";

/** The request made this account just now, for this code request. */
function markNewAccount(app, recordId) {
  app.store().set(NEW_PREFIX + recordId, "new:" + Date.now());
}

function recordOutcome(app, otpId, sent) {
  app.store().set(STATUS_PREFIX + otpId, (sent ? "sent" : "failed") + ":" + Date.now());
}

/** Removes an account made on the spot by a code request whose mail never went out. */
function forgetNewAccount(app, record) {
  const store = app.store();
  const key = NEW_PREFIX + record.id;
  if (!store.has(key)) return;
  store.remove(key);
  try {
    const fresh = app.findRecordById(record.collection().id, record.id);
    // only as the request left it: never an account someone has since named or used
    if (fresh.getString("name") || fresh.getBool("verified")) return;
    const used = app.findRecordsByFilter("registrations", "user = {:user}", "", 1, 0, { user: record.id });
    if (used.length > 0) return;
    app.delete(fresh);
  } catch (err) {
    app.logger().warn("Could not remove an account whose first code mail failed", "error", String(err));
  }
}

/** "sent", "failed" or "pending" (not known yet, or not known to this server). */
function statusOf(app, otpId) {
  const value = app.store().get(STATUS_PREFIX + otpId);
  return value ? String(value).split(":")[0] : "pending";
}

function sent(app, record) {
  app.store().remove(NEW_PREFIX + record.id);
}

/** Forgets outcomes and marks older than half an hour (run from a cron). */
function forgetOld() {
  const { forgetStale } = require(`${__hooks}/lib/sliding-window.js`);
  const now = Date.now();
  const old = (key, value) => now - parseInt(String(value).split(":")[1] || "0", 10) > KEEP_MS;
  forgetStale(STATUS_PREFIX, old);
  forgetStale(NEW_PREFIX, old);
}

module.exports = { markNewAccount, recordOutcome, forgetNewAccount, statusOf, sent, forgetOld };
