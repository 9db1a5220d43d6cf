// Room bookings: a bookable space, a real time span, and no overlap in one space
// (checked and written in one transaction). Each refusal carries a field code the app
// turns into words in the person's language (src/lib/services/rooms.service.ts).
function refuse(field, code, message) {
  return new BadRequestError(message, { [field]: new ValidationError(code, message) });
}

function checkBooking(e, isNew) {
  const starts = e.record.getDateTime("starts");
  const ends = e.record.getDateTime("ends");
  if (starts.isZero() || ends.isZero() || ends.unix() <= starts.unix()) {
    throw refuse("ends", "booking_span", "A booking must end after it starts.");
  }
  if (isNew && ends.unix() <= new DateTime().unix()) {
    throw refuse("ends", "booking_past", "That time has already passed.");
  }
  let space;
  try {
    space = e.app.findRecordById("spaces", e.record.getString("space"));
  } catch (_) {
    throw refuse("space", "booking_room", "That room does not exist.");
  }
  if (!space.getBool("bookable")) throw refuse("space", "booking_room", "That space cannot be booked.");
}

/** @param isNew a new booking may not lie wholly in the past; an old one may still be corrected */
function saveWithoutOverlap(e, isNew) {
  checkBooking(e, isNew);
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

module.exports = { saveWithoutOverlap };
