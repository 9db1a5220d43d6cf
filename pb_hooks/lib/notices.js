// Notices (DESIGN "Notices"): one `notices` record per fact, written by queueNotice in the
// same transaction as the fact (its unique `key` keeps it to one), then sent by the worker
// (runWorker, from a cron every minute).
// A notice is claimed before it is sent (a conditional UPDATE on its `next_at`, which then
// holds a lease), so two workers never send it together; a failure is retried with backoff
// and marked `failed` after MAX_ATTEMPTS. Mail texts: lib/notice-mail.js.
const KINDS = ["confirmed", "waitlisted", "promoted", "changed", "cancelled", "reminder", "welcome", "application", "message"];
// what `essential` keeps: the answers to a person's own actions and what changes their plans
const ESSENTIAL = ["confirmed", "waitlisted", "promoted", "changed", "cancelled", "welcome", "application", "message"];
const MAX_ATTEMPTS = 8;
// minutes to wait after the 1st, 2nd, … failed attempt
const BACKOFF_MINUTES = [1, 2, 5, 15, 60, 120, 240];
// how long a claimed notice is left to its sender before another worker may try it again
// (longer than any SMTP exchange; shorter with a test's short backoff, but never under 10 s)
function leaseMs() {
  const unit = parseInt(String($os.getenv("COFFICE_NOTICE_BACKOFF_MS") || ""), 10);
  return unit ? Math.max(10 * 1000, 5 * unit) : 5 * 60 * 1000;
}

function stamp(ms) {
  return require(`${__hooks}/lib/vendor/venue-clock.js`).toStored(ms);
}

/** The wait after `attempts` failed attempts; COFFICE_NOTICE_BACKOFF_MS makes a "minute" shorter (tests). */
function backoffMs(attempts) {
  const unit = parseInt(String($os.getenv("COFFICE_NOTICE_BACKOFF_MS") || ""), 10) || 60 * 1000;
  const minutes = BACKOFF_MINUTES[Math.min(attempts, BACKOFF_MINUTES.length) - 1] || 1;
  return minutes * unit;
}

/** Whether the person wants mail of this kind (`users.mail_notices`, empty = all). */
function wantsMail(user, kind) {
  const choice = user.getString("mail_notices") || "all";
  if (choice === "none") return false;
  if (choice === "essential") return ESSENTIAL.indexOf(kind) !== -1;
  return true;
}

function pushAvailable() {
  try {
    $os.stat(`${__hooks}/lib/push.js`);
    return true;
  } catch (_) {
    return false;
  }
}

function writeNotice(app, fields) {
  const existing = app.findRecordsByFilter("notices", "key = {:key}", "", 1, 0, { key: fields.key });
  if (existing.length > 0) return existing[0];
  const notice = new Record(app.findCollectionByNameOrId("notices"));
  notice.set("user", fields.user || "");
  notice.set("email", fields.email || "");
  notice.set("application", fields.application || "");
  notice.set("kind", fields.kind);
  notice.set("event", fields.event || "");
  notice.set("channel", fields.channel);
  notice.set("status", fields.status);
  notice.set("attempts", 0);
  notice.set("key", fields.key);
  notice.set("data", fields.data || {});
  notice.set("next_at", stamp(Date.now()));
  app.save(notice);
  return notice;
}

/**
 * Writes the notice of one fact for one person; call it with the transaction's app, so the
 * notice exists exactly when the fact does. Writing it again (the same key) changes nothing.
 * A person who chose not to get this kind by mail gets a `skipped` record, so the fact is
 * still told once and only once.
 */
function queueNotice(app, options) {
  if (KINDS.indexOf(options.kind) === -1) throw new Error("unknown notice kind " + options.kind);
  const userId = typeof options.user === "string" ? options.user : options.user.id;
  const user = app.findRecordById("users", userId);
  const fields = {
    user: userId,
    kind: options.kind,
    event: options.event || "",
    application: options.application || "",
    key: options.key,
    data: options.data || {},
  };
  const mail = writeNotice(
    app,
    Object.assign({}, fields, { channel: "mail", status: wantsMail(user, options.kind) ? "pending" : "skipped" }),
  );
  if (pushAvailable() && app.countRecords("push_subscriptions", $dbx.hashExp({ user: userId })) > 0) {
    writeNotice(app, Object.assign({}, fields, { channel: "push", status: "pending", key: options.key + ":push" }));
  }
  return mail;
}

/**
 * Writes a mail notice to an address that has no account (an applicant, lib/applications.js):
 * `email` and the `application` it is about instead of a person. Sent by the same worker.
 */
function queueAddressed(app, options) {
  if (KINDS.indexOf(options.kind) === -1) throw new Error("unknown notice kind " + options.kind);
  return writeNotice(app, {
    email: options.email,
    application: options.application || "",
    kind: options.kind,
    key: options.key,
    data: options.data || {},
    channel: "mail",
    status: "pending",
  });
}

/** Takes the notice for this worker: true only for the one worker whose update found it unchanged. */
function claim(app, notice) {
  const result = app
    .db()
    .newQuery("UPDATE notices SET next_at = {:lease}, attempts = attempts + 1 WHERE id = {:id} AND status = 'pending' AND next_at = {:was}")
    .bind({ lease: stamp(Date.now() + leaseMs()), id: notice.id, was: notice.getString("next_at") })
    .execute();
  return result.rowsAffected() === 1;
}

function finish(app, id, fields) {
  const now = stamp(Date.now());
  app
    .db()
    .newQuery(
      "UPDATE notices SET status = {:status}, sent_at = {:sent}, error = {:error}, next_at = {:next}, updated = {:now} WHERE id = {:id}",
    )
    .bind({
      status: fields.status,
      sent: fields.sent || "",
      error: String(fields.error || "").slice(0, 500),
      next: fields.next || "",
      now: now,
      id: id,
    })
    .execute();
}

function sendOne(app, notice) {
  if (notice.getString("channel") === "push") {
    if (!pushAvailable()) return { ok: false, retry: false, error: "web push is not installed on this server" };
    return require(`${__hooks}/lib/push.js`).sendPushNotice(app, notice);
  }
  try {
    require(`${__hooks}/lib/notice-mail.js`).sendNoticeMail(app, notice);
    return { ok: true };
  } catch (err) {
    return { ok: false, retry: true, error: String(err && err.message ? err.message : err) };
  }
}

/**
 * Sends up to `limit` due notices, oldest first; returns how many it sent. Each is claimed
 * first; a crash between the mail server's "accepted" and the `sent` mark leaves the lease to
 * run out and the notice is sent again (the one at-least-once gap SMTP leaves us).
 */
function runWorker(app, limit) {
  const due = app.findRecordsByFilter("notices", "status = 'pending' && next_at <= {:now}", "created", limit, 0, {
    now: stamp(Date.now()),
  });
  let sent = 0;
  for (let i = 0; i < due.length; i++) {
    const notice = due[i];
    if (!claim(app, notice)) continue;
    const attempts = notice.getInt("attempts") + 1;
    let outcome;
    try {
      outcome = sendOne(app, notice);
    } catch (err) {
      outcome = { ok: false, retry: true, error: String(err) };
    }
    if (outcome && outcome.ok) {
      finish(app, notice.id, { status: "sent", sent: stamp(Date.now()) });
      sent++;
    } else if (!outcome || outcome.retry === false || attempts >= MAX_ATTEMPTS) {
      finish(app, notice.id, { status: "failed", error: (outcome && outcome.error) || "failed" });
      app.logger().warn("A notice could not be sent", "notice", notice.id, "error", String(outcome && outcome.error));
    } else {
      finish(app, notice.id, { status: "pending", error: outcome.error, next: stamp(Date.now() + backoffMs(attempts)) });
    }
  }
  return sent;
}

/** The cron's work: due notices until none are left or most of a minute has gone. */
function drain(app) {
  const started = Date.now();
  for (;;) {
    const due = app.countRecords("notices", $dbx.exp("status = 'pending' AND next_at <= {:now}", { now: stamp(Date.now()) }));
    if (due === 0 || Date.now() - started > 50 * 1000) return;
    if (runWorker(app, 50) === 0 && due > 0) {
      // everything due failed or was claimed by another worker: leave it to the next run
      return;
    }
  }
}

// ---- the facts

function isoOf(record, field) {
  return record.getDateTime(field).time().unixMilli();
}

/** A registration was decided (created, or came back after cancelling): confirmed or waitlisted. */
function registrationDecided(app, registration, again) {
  const status = registration.getString("status");
  if (status !== "confirmed" && status !== "waitlisted") return;
  if (hasEnded(app, registration.getString("event"))) return;
  // coming back after cancelling is a new fact: its key names the new place in the queue
  const key = status + ":" + registration.id + (again ? ":" + registration.getInt("position") : "");
  const data = { registration: registration.id };
  if (status === "waitlisted") {
    data.position = app.countRecords(
      "registrations",
      $dbx.exp("event = {:event} AND status = 'waitlisted' AND position <= {:position}", {
        event: registration.getString("event"),
        position: registration.getInt("position"),
      }),
    );
  }
  queueNotice(app, { user: registration.getString("user"), kind: status, event: registration.getString("event"), key: key, data: data });
}

/** Registrations filed for past events (the demo's history, an operator's corrections) tell nobody. */
function hasEnded(app, eventId) {
  return isOver(app.findRecordById("events", eventId));
}

function isOver(event) {
  return isoOf(event, "ends") <= Date.now();
}

/** A waitlisted registration got a place. */
function registrationPromoted(app, registration) {
  if (hasEnded(app, registration.getString("event"))) return;
  queueNotice(app, {
    user: registration.getString("user"),
    kind: "promoted",
    event: registration.getString("event"),
    key: "promoted:" + registration.id + ":" + registration.getInt("position"),
    data: { registration: registration.id },
  });
}

function activePeople(app, eventId) {
  return app.findRecordsByFilter("registrations", "event = {:event} && (status = 'confirmed' || status = 'waitlisted')", "position", 0, 0, {
    event: eventId,
  });
}

/**
 * After a host's edit: a cancellation or a new time or place is told to everyone registered.
 * An event that has already taken place and is marked cancelled afterwards (it did not happen, for
 * the statistics) tells nobody: a "cancelled" mail about last week's talk would only confuse.
 */
function eventEdited(app, event, original) {
  const was = original.getString("status");
  const now = event.getString("status");
  if (now === "cancelled" && was !== "cancelled") {
    if (isOver(event)) return;
    activePeople(app, event.id).forEach((registration) =>
      queueNotice(app, {
        user: registration.getString("user"),
        kind: "cancelled",
        event: event.id,
        key: "cancelled:" + event.id + ":" + registration.id,
        data: { registration: registration.id },
      }),
    );
    return;
  }
  if (now !== "published" || was !== "published") return;
  const moved = isoOf(event, "starts") !== isoOf(original, "starts") || isoOf(event, "ends") !== isoOf(original, "ends");
  if (!moved && event.getString("space") === original.getString("space")) return;
  const spaceName = (id) => {
    if (!id) return "";
    try {
      return app.findRecordById("spaces", id).getString("name");
    } catch (_) {
      return "";
    }
  };
  const data = {
    old: {
      starts: new Date(isoOf(original, "starts")).toISOString(),
      ends: new Date(isoOf(original, "ends")).toISOString(),
      space: spaceName(original.getString("space")),
    },
    new: {
      starts: new Date(isoOf(event, "starts")).toISOString(),
      ends: new Date(isoOf(event, "ends")).toISOString(),
      space: spaceName(event.getString("space")),
    },
  };
  const updated = event.getString("updated");
  activePeople(app, event.id).forEach((registration) =>
    queueNotice(app, {
      user: registration.getString("user"),
      kind: "changed",
      event: event.id,
      key: "changed:" + event.id + ":" + updated + ":" + registration.id,
      data: Object.assign({ registration: registration.id }, data),
    }),
  );
}

/** Someone became a member. */
function becameMember(app, user) {
  queueNotice(app, { user: user.id, kind: "welcome", key: "welcome:" + user.id, data: {} });
}

/** A host's message to the event's registered people; returns how many it is told to. */
function hostMessage(app, event, text) {
  const at = event.getString("message_at");
  const people = activePeople(app, event.id);
  people.forEach((registration) =>
    queueNotice(app, {
      user: registration.getString("user"),
      kind: "message",
      event: event.id,
      key: "message:" + event.id + ":" + at + ":" + registration.id,
      data: { registration: registration.id, text: text },
    }),
  );
  return people.length;
}

/**
 * Reminders: at 16:00 venue time the afternoon before the event's venue day (early breakfasts
 * too: a mail at dawn comes too late to plan the morning), to confirmed people who registered
 * before that time (whoever registers later has just had the confirmation). `nowMs` is the
 * moment to judge by (the cron's now; operators may name one to catch up after downtime).
 */
function queueReminders(app, nowMs) {
  const clock = require(`${__hooks}/lib/vendor/venue-clock.js`);
  const registrations = app.findRecordsByFilter(
    "registrations",
    "status = 'confirmed' && event.status = 'published' && event.starts > {:now} && event.starts <= {:until}",
    "",
    0,
    0,
    { now: stamp(nowMs), until: stamp(nowMs + 2 * 24 * 3600 * 1000) },
  );
  let queued = 0;
  registrations.forEach((registration) => {
    const event = app.findRecordById("events", registration.getString("event"));
    const starts = isoOf(event, "starts");
    const day = clock.dayOf(starts);
    const remindAt = clock.venueInstant(clock.shiftDay(day, -1), 16, 0);
    if (nowMs < remindAt || nowMs >= starts) return;
    if (isoOf(registration, "created") >= remindAt) return;
    const key = "reminder:" + registration.id + ":" + day;
    if (app.findRecordsByFilter("notices", "key = {:key}", "", 1, 0, { key: key }).length) return;
    queueNotice(app, {
      user: registration.getString("user"),
      kind: "reminder",
      event: event.id,
      key: key,
      data: { registration: registration.id },
    });
    queued++;
  });
  return queued;
}

module.exports = {
  registrationDecided,
  registrationPromoted,
  eventEdited,
  becameMember,
  hostMessage,
  queueReminders,
  queueNotice,
  queueAddressed,
  runWorker,
  drain,
  wantsMail,
  backoffMs,
  stamp,
  KINDS,
  ESSENTIAL,
  MAX_ATTEMPTS,
};
