// Registration status is decided here, never by a client: capacity is never exceeded
// and the waitlist moves up in the order the server accepted each registration. Refusals
// carry a code (lib/refuse.js) the app words.
const { ensureEventPass, revokeEventPass } = require(`${__hooks}/lib/passes.js`);
const { refuse } = require(`${__hooks}/lib/refuse.js`);

function confirmedCount(app, eventId) {
  return app.countRecords("registrations", $dbx.hashExp({ event: eventId, status: "confirmed" }));
}

function hasPlace(app, event) {
  const capacity = event.getInt("capacity");
  return capacity === 0 || confirmedCount(app, event.id) < capacity;
}

/** The next place in the order of acceptance for this event (1, 2, 3, …). */
function nextPosition(app, eventId) {
  const row = new DynamicModel({ last: 0 });
  app
    .db()
    .newQuery("SELECT COALESCE(MAX(position), 0) AS last FROM registrations WHERE event = {:event}")
    .bind({ event: eventId })
    .one(row);
  return row.last + 1;
}

/** The answer for an event id that names no event, and for a draft to those who may not see it. */
function noSuchEvent() {
  return refuse("event", "event_unknown", "That event does not exist.");
}

/**
 * Why registering to this event now is refused (a coded refusal to throw), or null when open.
 * Only hosts (`seesDrafts`) hear that a draft exists; everyone else gets the answer an
 * unknown id gets, so a guest cannot probe for unpublished events by id.
 */
function registrationClosed(event, seesDrafts) {
  if (event.getString("status") === "draft") {
    return seesDrafts ? refuse("event", "event_unpublished", "This event is not published yet.") : noSuchEvent();
  }
  if (event.getString("status") === "cancelled") return refuse("event", "event_cancelled", "This event has been cancelled.");
  const ends = event.getDateTime("ends");
  if (ends.unix() <= new DateTime().unix()) return refuse("event", "event_ended", "This event has already ended.");
  return null;
}

/** Writes the event's count of taken places (confirmed registrations). */
function updateTaken(app, eventId) {
  const event = app.findRecordById("events", eventId);
  const taken = confirmedCount(app, eventId);
  if (event.getInt("taken") !== taken) {
    event.set("taken", taken);
    app.saveNoValidate(event);
  }
}

/** Confirm waitlisted people, oldest first, while there are places. */
function promoteWaitlist(app, eventId) {
  const event = app.findRecordById("events", eventId);
  if (event.getString("status") !== "published") return;
  const waiting = app.findRecordsByFilter("registrations", "event = {:event} && status = 'waitlisted'", "position,created", 0, 0, {
    event: eventId,
  });
  for (let i = 0; i < waiting.length && hasPlace(app, event); i++) {
    waiting[i].set("status", "confirmed");
    app.save(waiting[i]); // the update hook creates the pass
  }
}

module.exports = {
  noSuchEvent,
  registrationClosed,
  nextPosition,
  updateTaken,
  hasPlace,
  promoteWaitlist,
  ensureEventPass,
  revokeEventPass,
};
