// Rules for hosts' edits of events that API rules cannot express, and what follows from
// a cancellation. Each refusal carries a field code the host app words (lib/refuse.js; the
// list: docs/DECISIONS.md); the English message is for other clients.
const { refuse } = require(`${__hooks}/lib/refuse.js`);
const MAX_LENGTH_MS = 7 * 24 * 3600 * 1000;
const STATUSES = ["draft", "published", "cancelled"];

function activeRegistrations(app, eventId, status) {
  const filter = status ? "event = {:event} && status = {:status}" : "event = {:event} && status != 'cancelled'";
  return app.findRecordsByFilter("registrations", filter, "position,created", 0, 0, { event: eventId, status: status || "" });
}

/**
 * Publishing an event that has already ended puts a dead entry in the programme: refused
 * when an event becomes published (created so, or its status changed) or a published event
 * is moved into the past. Editing a past event's text stays possible. Operators (seed,
 * tests) may file past events.
 */
function endedPublishProblem(record, original, byOperator) {
  if (byOperator || record.getString("status") !== "published") return null;
  const ends = millis(record, "ends");
  if (ends === null || ends > Date.now()) return null;
  const becomesPublished = !original || original.getString("status") !== "published";
  const moved = original && millis(original, "ends") !== ends;
  if (!becomesPublished && !moved) return null;
  return refuse("ends", "event_ended", "This event has already ended: it cannot be published.");
}

function millis(record, field) {
  const value = record.getDateTime(field);
  return value.isZero() ? null : value.time().unixMilli();
}

/**
 * Why this create or edit of an event is refused (a coded refusal to throw); null when it is fine.
 * `byOperator`: a superuser arranging data (seed, tests) may also file a cancelled event.
 */
function eventProblem(app, record, original, byOperator) {
  if (!record.getString("title").trim()) return refuse("title", "event_title_missing", "Give the event a title.");
  const status = record.getString("status");
  if (STATUSES.indexOf(status) === -1) {
    return refuse("status", "event_status_invalid", "The status must be draft, published or cancelled.");
  }
  const starts = millis(record, "starts");
  const ends = millis(record, "ends");
  if (starts === null) return refuse("starts", "event_starts_missing", "Give the event a start time.");
  if (ends === null) return refuse("ends", "event_ends_missing", "Give the event an end time.");
  if (ends <= starts) return refuse("ends", "event_ends_before_starts", "The event must end after it starts.");
  if (ends - starts > MAX_LENGTH_MS) return refuse("ends", "event_too_long", "An event can last at most 7 days.");
  const capacity = record.getFloat("capacity");
  if (capacity < 0 || Math.floor(capacity) !== capacity) {
    return refuse("capacity", "event_capacity_invalid", "Capacity must be a whole number, 0 for unlimited.");
  }

  if (!original) {
    if (status === "cancelled" && !byOperator) {
      return refuse("status", "event_new_cancelled", "A new event is a draft or published.");
    }
    return null;
  }
  const was = original.getString("status");
  if (was === "cancelled" && status !== "cancelled") {
    return refuse("status", "event_stays_cancelled", "A cancelled event stays cancelled: create a new event instead.");
  }
  if (was !== "draft" && status === "draft" && activeRegistrations(app, record.id).length > 0) {
    return refuse("status", "event_has_registrations", "People have registered for this event: cancel it instead of making it a draft.");
  }
  if (capacity > 0) {
    const confirmed = activeRegistrations(app, record.id, "confirmed").length;
    if (confirmed > capacity) {
      return refuse(
        "capacity",
        "event_capacity_below_confirmed",
        confirmed + " people are already confirmed: the capacity cannot be lower than that.",
        { confirmed: confirmed },
      );
    }
  }
  return null;
}

/**
 * After a host's edit: a cancellation revokes every pass to the event (registrations stay
 * as they are, so people see the cancellation beside what they had); more places move
 * the waitlist up.
 */
function afterEventUpdate(app, event, original) {
  const was = original.getString("status");
  const now = event.getString("status");
  if (now === "cancelled" && was !== "cancelled") {
    const { revokeEventPass } = require(`${__hooks}/lib/passes.js`);
    activeRegistrations(app, event.id).forEach((registration) => revokeEventPass(app, registration.id));
    return;
  }
  const capacity = event.getInt("capacity");
  const before = original.getInt("capacity");
  const morePlaces = capacity === 0 ? before !== 0 : before !== 0 && capacity > before;
  if (now === "published" && (morePlaces || was !== "published")) {
    require(`${__hooks}/lib/registrations.js`).promoteWaitlist(app, event.id);
  }
}

module.exports = { endedPublishProblem, eventProblem, afterEventUpdate, activeRegistrations };
