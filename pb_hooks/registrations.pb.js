/// <reference path="../pb_data/types.d.ts" />
// The server decides every registration's status inside one transaction, so
// concurrent registrations never exceed an event's capacity. Refusals carry a code the app
// words (pb_hooks/lib/refuse.js; the list: docs/DECISIONS.md).
onRecordCreateRequest((e) => {
  const { noSuchEvent, registrationClosed } = require(`${__hooks}/lib/registrations.js`);
  const { refuse } = require(`${__hooks}/lib/refuse.js`);
  let event;
  try {
    event = e.app.findRecordById("events", e.record.getString("event"));
  } catch (_) {
    throw noSuchEvent();
  }
  if (!e.hasSuperuserAuth()) {
    const seesDrafts = require(`${__hooks}/lib/http.js`).isHost(e);
    const closed = registrationClosed(event, seesDrafts);
    if (closed) throw closed;
  }
  const existing = e.app.findRecordsByFilter("registrations", "event = {:event} && user = {:user}", "", 1, 0, {
    event: event.id,
    user: e.record.getString("user"),
  });
  if (existing.length > 0) {
    const prior = existing[0];
    if (prior.getString("status") !== "cancelled") {
      throw refuse("event", "registration_exists", "You are already registered for this event.");
    }
    // Coming back after cancelling: the same registration (one per person and event),
    // decided again and placed at the back of the queue. The update hook gives the pass.
    const lib = require(`${__hooks}/lib/registrations.js`);
    e.app.runInTransaction((txApp) => {
      const fresh = txApp.findRecordById("registrations", prior.id);
      fresh.set("status", lib.hasPlace(txApp, txApp.findRecordById("events", event.id)) ? "confirmed" : "waitlisted");
      fresh.set("position", lib.nextPosition(txApp, event.id));
      txApp.save(fresh);
      prior.load(fresh.fieldsData());
    });
    return e.json(200, prior);
  }
  // the write's transaction begins here, around the save: one begun only inside onRecordCreate
  // loses the record's realtime message (docs/DECISIONS.md, the anniversary evening); the record
  // hooks' own runInTransaction then joins this one
  e.app.runInTransaction((txApp) => {
    e.app = txApp;
    e.next();
  });
}, "registrations");

onRecordCreate((e) => {
  const lib = require(`${__hooks}/lib/registrations.js`);
  e.app.runInTransaction((txApp) => {
    const event = txApp.findRecordById("events", e.record.getString("event"));
    e.record.set("status", lib.hasPlace(txApp, event) ? "confirmed" : "waitlisted");
    e.record.set("position", lib.nextPosition(txApp, event.id));
    e.app = txApp;
    e.next();
    if (e.record.getString("status") === "confirmed") {
      lib.ensureEventPass(txApp, e.record);
      lib.updateTaken(txApp, event.id);
    }
    require(`${__hooks}/lib/notices.js`).registrationDecided(txApp, e.record, false);
  });
}, "registrations");

onRecordUpdate((e) => {
  const lib = require(`${__hooks}/lib/registrations.js`);
  e.app.runInTransaction((txApp) => {
    const before = e.record.original();
    e.app = txApp;
    e.next();
    const was = before.getString("status");
    const now = e.record.getString("status");
    if (was === now) return;
    if (now === "confirmed") lib.ensureEventPass(txApp, e.record);
    if (was === "confirmed") {
      lib.revokeEventPass(txApp, e.record.id);
      lib.promoteWaitlist(txApp, e.record.getString("event"));
    }
    lib.updateTaken(txApp, e.record.getString("event"));
    // told in the same transaction: a place from the waitlist, or a comeback after cancelling
    const notices = require(`${__hooks}/lib/notices.js`);
    if (was === "waitlisted" && now === "confirmed") notices.registrationPromoted(txApp, e.record);
    else if (was === "cancelled") notices.registrationDecided(txApp, e.record, true);
  });
}, "registrations");

// The place in the queue is the server's to give.
onRecordUpdateRequest((e) => {
  const isHost = require(`${__hooks}/lib/http.js`).isHost(e);
  if (!e.hasSuperuserAuth() && !isHost && e.record.getInt("position") !== e.record.original().getInt("position")) {
    const { refuse } = require(`${__hooks}/lib/refuse.js`);
    throw refuse("position", "registration_position", "The place in the queue is set by the venue.");
  }
  // begun at the request, like a create's (above): the update's realtime message is kept
  e.app.runInTransaction((txApp) => {
    e.app = txApp;
    e.next();
  });
}, "registrations");
