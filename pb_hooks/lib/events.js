// Rules for hosts' edits of events that API rules cannot express, and what follows from
// a cancellation. Messages are plain sentences: the host app shows them as they are.
const MAX_LENGTH_MS = 7 * 24 * 3600 * 1000;
const STATUSES = ["draft", "published", "cancelled"];

function activeRegistrations(app, eventId, status) {
  const filter = status
    ? "event = {:event} && status = {:status}"
    : "event = {:event} && status != 'cancelled'";
  return app.findRecordsByFilter("registrations", filter, "position,created", 0, 0, { event: eventId, status: status || "" });
}

/** A refusal the app words by its field code; the message is for other clients. */
function refusal(field, code, message) {
  return new BadRequestError(message, { [field]: new ValidationError(code, message) });
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
  return refusal("ends", "event_ended", "This event has already ended: it cannot be published.");
}

function millis(record, field) {
  const value = record.getDateTime(field);
  return value.isZero() ? null : value.time().unixMilli();
}

/**
 * Why this create or edit of an event is refused, as a sentence; "" when it is fine.
 * `byOperator`: a superuser arranging data (seed, tests) may also file a cancelled event.
 */
function eventProblem(app, record, original, byOperator) {
  if (!record.getString("title").trim()) return "Give the event a title.";
  const status = record.getString("status");
  if (STATUSES.indexOf(status) === -1) return "The status must be draft, published or cancelled.";
  const starts = millis(record, "starts");
  const ends = millis(record, "ends");
  if (starts === null || ends === null) return "Give the event a start and an end time.";
  if (ends <= starts) return "The event must end after it starts.";
  if (ends - starts > MAX_LENGTH_MS) return "An event can last at most 7 days.";
  const capacity = record.getFloat("capacity");
  if (capacity < 0 || Math.floor(capacity) !== capacity) return "Capacity must be a whole number, 0 for unlimited.";

  if (!original) {
    if (status === "cancelled" && !byOperator) return "A new event is a draft or published.";
    return "";
  }
  const was = original.getString("status");
  if (was === "cancelled" && status !== "cancelled") {
    return "A cancelled event stays cancelled: create a new event instead.";
  }
  if (was !== "draft" && status === "draft" && activeRegistrations(app, record.id).length > 0) {
    return "People have registered for this event: cancel it instead of making it a draft.";
  }
  if (capacity > 0) {
    const confirmed = activeRegistrations(app, record.id, "confirmed").length;
    if (confirmed > capacity) {
      return confirmed + " people are already confirmed: the capacity cannot be lower than that.";
    }
  }
  return "";
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
