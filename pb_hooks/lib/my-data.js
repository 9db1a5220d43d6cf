// A person's data rights: everything the venue keeps about them as JSON, and deleting
// the account. Deleting anonymises the user record in place instead of removing it, so
// past registrations and check-ins keep a valid (now nameless) holder and the venue's
// event and attendance counts do not change (docs/DECISIONS.md).
const ANONYMOUS_DOMAIN = "deleted.invalid";

function pick(record, fields) {
  const out = { id: record.id };
  fields.forEach((name) => {
    out[name] = record.get(name);
  });
  out.created = record.getString("created");
  out.updated = record.getString("updated");
  return out;
}

function find(app, collection, filter, params, sort) {
  return app.findRecordsByFilter(collection, filter, sort || "created", 0, 0, params);
}

function expandedTitle(record, relation, field) {
  const related = record.expandedOne(relation);
  return related ? related.getString(field) : "";
}

/** Only the person's own records: every query is filtered by their id. */
function exportFor(app, user) {
  const own = { user: user.id };
  let companyName = "";
  if (user.getString("company")) {
    try {
      companyName = app.findRecordById("companies", user.getString("company")).getString("name");
    } catch (_) {
      companyName = "";
    }
  }

  const registrations = find(app, "registrations", "user = {:user}", own);
  app.expandRecords(registrations, ["event"], null);
  const passes = find(app, "passes", "holder = {:user}", own);
  const checkins = find(app, "checkins", "holder = {:user}", own, "scanned_at");
  app.expandRecords(checkins, ["event"], null);
  const bookings = find(app, "bookings", "user = {:user}", own, "starts");
  app.expandRecords(bookings, ["space"], null);
  const notices = find(app, "notices", "user = {:user}", own);

  return {
    exported_at: new Date().toISOString(),
    profile: {
      id: user.id,
      email: user.email(),
      name: user.getString("name"),
      role: user.getString("role"),
      company: companyName,
      locale: user.getString("locale"),
      show_presence: user.getBool("show_presence"),
      listed: user.getBool("listed"),
      headline: user.getString("headline"),
      mail_notices: user.getString("mail_notices") || "all",
      verified: user.verified(),
      created: user.getString("created"),
      updated: user.getString("updated"),
    },
    registrations: registrations.map((r) =>
      Object.assign(pick(r, ["event", "status"]), {
        event_title: expandedTitle(r, "event", "title"),
        event_starts: r.expandedOne("event") ? r.expandedOne("event").getString("starts") : "",
      }),
    ),
    passes: passes.map((p) => pick(p, ["kind", "registration", "code", "revoked"])),
    checkins: checkins.map((c) =>
      Object.assign(pick(c, ["pass", "event", "direction", "source", "verdict", "scanned_at", "device"]), {
        event_title: expandedTitle(c, "event", "title"),
      }),
    ),
    bookings: bookings.map((b) =>
      Object.assign(pick(b, ["space", "starts", "ends", "title"]), { space_name: expandedTitle(b, "space", "name") }),
    ),
    notices: notices.map((n) => pick(n, ["kind", "event", "channel", "status", "created", "sent_at"])),
  };
}

/**
 * Cancels the registrations of events that have not ended (places go to the waitlist),
 * revokes every pass, drops future bookings and sign-in traces, and strips the record of
 * everything that identifies the person. Past registrations and check-ins stay, nameless.
 */
function deleteAccount(app, userId) {
  app.runInTransaction((tx) => {
    const user = tx.findRecordById("users", userId);
    const own = { user: userId };

    find(tx, "registrations", "user = {:user} && status != 'cancelled' && event.ends > @now", own).forEach((r) => {
      r.set("status", "cancelled");
      tx.save(r); // the registration hooks revoke its pass and move the waitlist up
    });
    find(tx, "passes", "holder = {:user} && revoked = false", own).forEach((p) => {
      p.set("revoked", true);
      tx.save(p);
    });
    find(tx, "bookings", "user = {:user} && ends > @now", own).forEach((b) => tx.delete(b));

    user.setEmail("deleted-" + user.id + "@" + ANONYMOUS_DOMAIN);
    user.setEmailVisibility(false);
    user.setVerified(false);
    user.set("name", "");
    user.set("role", "guest");
    user.set("company", "");
    user.set("show_presence", false);
    user.set("listed", false); // out of the directory and "who was here"
    user.set("headline", "");
    user.set("avatar", "");
    user.set("calendar_secret", ""); // the feed link answers 404 from now on
    user.setRandomPassword();
    user.refreshTokenKey(); // every signed-in device is signed out
    tx.save(user);

    // nothing more is sent to an address that is gone (and the notices' words go with it)
    find(tx, "notices", "user = {:user}", own).forEach((n) => tx.delete(n));
    find(tx, "push_subscriptions", "user = {:user}", own).forEach((s) => tx.delete(s));

    tx.deleteAllOTPsByRecord(user);
    tx.deleteAllMFAsByRecord(user);
    tx.deleteAllAuthOriginsByRecord(user);
  });
}

module.exports = { exportFor, deleteAccount, ANONYMOUS_DOMAIN };
