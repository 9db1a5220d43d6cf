// Room bookings and desk days. Every booking, whoever writes it: a bookable space, a real time
// span, and no overlap in one space (checked and written in one transaction). A booking of an
// `open_area` space is a desk day instead (vendor/desk-rules.js, the app's own module): exactly
// one whole venue day, at most `capacity` a day and one a person a day, both counted in the
// transaction that writes (PocketBase runs one write transaction at a time, so concurrent
// bookers cannot both take the last desk). A person's booking also
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

/** The space of a booking, checked: it exists and can be booked. */
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
  const desks = require(`${__hooks}/lib/vendor/desk-rules.js`);
  if (space.getString("kind") === "open_area") {
    if (desks.deskDayOf(starts, ends) === null) throw refuse("starts", "booking_desk_day", desks.DESK_MESSAGES.booking_desk_day);
  } else if (desks.isWholeDay(starts, ends)) {
    throw refuse("space", "booking_no_desks", desks.DESK_MESSAGES.booking_no_desks);
  }
  return space;
}

/** Inside the write's transaction: the person has no other desk that day, and a desk is free. */
function checkDeskFree(txApp, record, space) {
  const desks = require(`${__hooks}/lib/vendor/desk-rules.js`);
  const sameDay = "space = {:space} AND starts = {:starts} AND id != {:id}";
  const params = { space: space.id, starts: record.getDateTime("starts").string(), id: record.id };
  const mine = txApp.countRecords(
    "bookings",
    $dbx.exp(`${sameDay} AND user = {:user}`, Object.assign({ user: record.getString("user") }, params)),
  );
  if (mine > 0) throw refuse("starts", "booking_desk_taken", desks.DESK_MESSAGES.booking_desk_taken);
  const taken = txApp.countRecords("bookings", $dbx.exp(sameDay, params));
  if (taken >= space.getInt("capacity")) throw refuse("starts", "booking_full", desks.DESK_MESSAGES.booking_full);
}

/** For onRecordCreate/onRecordUpdate: what every booking must be, the operator's too. */
function saveWithoutOverlap(e) {
  const space = checkBooking(e);
  if (space.getString("kind") === "open_area") {
    return e.app.runInTransaction((txApp) => {
      checkDeskFree(txApp, e.record, space);
      e.app = txApp;
      e.next();
    });
  }
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
 * number of bookings; the operator (seed, tests, admin UI) arranges anything. A desk day keeps
 * to today up to two weeks ahead (one a day is the only limit on how many).
 */
function checkPersonsBooking(e, isNew) {
  const space = spaceOf(e);
  const desks = require(`${__hooks}/lib/vendor/desk-rules.js`);
  const now = Date.now();
  const starts = millis(e.record, "starts");
  const ends = millis(e.record, "ends");
  const before = isNew ? null : e.record.original();
  const timesChanged = before === null || starts !== millis(before, "starts") || ends !== millis(before, "ends");
  if (space !== null && space.getString("kind") === "open_area") {
    const code = !e.hasSuperuserAuth() && timesChanged ? desks.deskDayRefusal(starts, ends, now) : null;
    if (code) throw refuse("starts", code, desks.DESK_MESSAGES[code]);
    return saveInRequestTransaction(e, null);
  }
  if (e.hasSuperuserAuth()) return saveInRequestTransaction(e, null);
  // no such space: said first, before its times
  if (space === null) throw refuse("space", "booking_room", "That room does not exist.");
  const rules = require(`${__hooks}/lib/vendor/booking-rules.js`);
  const { toStored } = require(`${__hooks}/lib/vendor/venue-clock.js`);
  const wasOpen = before !== null && millis(before, "ends") > now;
  // a whole day asked of a room: said as such
  if (timesChanged && desks.isWholeDay(starts, ends)) throw refuse("space", "booking_no_desks", desks.DESK_MESSAGES.booking_no_desks);
  if (timesChanged) {
    const refusal = rules.bookingTimesRefusal(starts, ends, now);
    if (refusal) throw refuse(refusal.field, refusal.code, rules.BOOKING_MESSAGES[refusal.code]);
  }
  const isHost = require(`${__hooks}/lib/http.js`).isHost(e);
  // only a booking that becomes open counts: a new one, or an old one moved to a coming time
  if (isHost || wasOpen || !timesChanged) return saveInRequestTransaction(e, null);
  saveInRequestTransaction(e, (txApp) => {
    const open = txApp.countRecords(
      "bookings",
      $dbx.exp("user = {:user} AND ends > {:now} AND id != {:id} AND space NOT IN (SELECT id FROM spaces WHERE kind = 'open_area')", {
        user: e.record.getString("user"),
        now: toStored(now),
        id: e.record.id,
      }),
    );
    if (open >= rules.BOOKING_LIMITS.openPerMember) throw refuse("user", "booking_limit", rules.BOOKING_MESSAGES.booking_limit);
  });
}

/**
 * Writes the booking in a transaction begun here, at the request, after `check(txApp)`. One begun
 * only inside onRecordCreate (saveWithoutOverlap) loses the record's realtime message (tested in
 * tests/integration/desks.spec.ts); nested in this one, it is this one, so the overlap and the
 * desks are still checked in the transaction that writes.
 */
function saveInRequestTransaction(e, check) {
  e.app.runInTransaction((txApp) => {
    if (check) check(txApp);
    e.app = txApp;
    e.next();
  });
}

/** The booking's space, or null when there is none by that id. */
function spaceOf(e) {
  try {
    return e.app.findRecordById("spaces", e.record.getString("space"));
  } catch (_) {
    return null;
  }
}

module.exports = { saveWithoutOverlap, checkPersonsBooking };
