// Room bookings. Every booking, whoever writes it: a bookable space, a real time span, and no
// overlap in one space (checked and written in one transaction). A person's booking also
// keeps to the limits the /rooms form keeps to (vendor/booking-rules.js, the app's own
// module): length, quarter-hour steps, opening hours, how far ahead, how many open at once.
// Each refusal carries a field code the app turns into words in the person's language
// (src/lib/services/rooms.service.ts).
function refuse(field, code, message) {
  return new BadRequestError(message, { [field]: new ValidationError(code, message) });
}

/** The instant (ms) of a date field; NaN when it is empty. */
function millis(record, field) {
  const value = record.getDateTime(field);
  return value.isZero() ? NaN : value.time().unixMilli();
}

function checkBooking(e) {
  const starts = millis(e.record, "starts");
  const ends = millis(e.record, "ends");
  if (!(ends > starts)) {
    throw refuse("ends", "booking_span", "A booking must end after it starts.");
  }
  let space;
  try {
    space = e.app.findRecordById("spaces", e.record.getString("space"));
  } catch (_) {
    throw refuse("space", "booking_room", "That room does not exist.");
  }
  if (!space.getBool("bookable")) throw refuse("space", "booking_room", "That space cannot be booked.");
}

/** For onRecordCreate/onRecordUpdate: what every booking must be, the operator's too. */
function saveWithoutOverlap(e) {
  checkBooking(e);
  e.app.runInTransaction((txApp) => {
    const clash = txApp.findRecordsByFilter(
      "bookings",
      "space = {:space} && id != {:id} && starts < {:ends} && ends > {:starts}",
      "",
      1,
      0,
      {
        space: e.record.getString("space"),
        id: e.record.id,
        starts: e.record.getDateTime("starts").string(),
        ends: e.record.getDateTime("ends").string(),
      },
    );
    if (clash.length > 0) throw refuse("starts", "booking_overlap", "The room is already booked at that time.");
    e.app = txApp;
    e.next();
  });
}

/**
 * For onRecordCreateRequest/onRecordUpdateRequest: the limits of a person's booking. New times
 * are checked like a new booking's; an edit that keeps the times (a title) is not, so a booking
 * made before these limits may still be corrected. Hosts keep to the same times but hold any
 * number of bookings; the operator (seed, tests, admin UI) arranges anything.
 */
function checkPersonsBooking(e, isNew) {
  if (e.hasSuperuserAuth()) return e.next();
  const rules = require(`${__hooks}/lib/vendor/booking-rules.js`);
  const { toStored } = require(`${__hooks}/lib/vendor/venue-clock.js`);
  const now = Date.now();
  const starts = millis(e.record, "starts");
  const ends = millis(e.record, "ends");
  const before = isNew ? null : e.record.original();
  const wasOpen = before !== null && millis(before, "ends") > now;
  const timesChanged = before === null || starts !== millis(before, "starts") || ends !== millis(before, "ends");
  if (timesChanged) {
    const refusal = rules.bookingTimesRefusal(starts, ends, now);
    if (refusal) throw refuse(refusal.field, refusal.code, rules.BOOKING_MESSAGES[refusal.code]);
  }
  const isHost = require(`${__hooks}/lib/http.js`).isHost(e);
  // only a booking that becomes open counts: a new one, or an old one moved to a coming time
  if (isHost || wasOpen || !timesChanged) return e.next();
  e.app.runInTransaction((txApp) => {
    const open = txApp.countRecords(
      "bookings",
      $dbx.exp("user = {:user} AND ends > {:now} AND id != {:id}", {
        user: e.record.getString("user"),
        now: toStored(now),
        id: e.record.id,
      }),
    );
    if (open >= rules.BOOKING_LIMITS.openPerMember) throw refuse("user", "booking_limit", rules.BOOKING_MESSAGES.booking_limit);
    e.app = txApp;
    e.next();
  });
}

module.exports = { saveWithoutOverlap, checkPersonsBooking };
