// Room bookings: a bookable space, a real time span, and no overlap in one space
// (checked and written in one transaction).
function checkBooking(e) {
  const starts = e.record.getDateTime("starts");
  const ends = e.record.getDateTime("ends");
  if (starts.isZero() || ends.isZero() || ends.unix() <= starts.unix()) {
    throw new BadRequestError("A booking must end after it starts.");
  }
  let space;
  try {
    space = e.app.findRecordById("spaces", e.record.getString("space"));
  } catch (_) {
    throw new BadRequestError("That room does not exist.");
  }
  if (!space.getBool("bookable")) throw new BadRequestError("That space cannot be booked.");
}

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
    if (clash.length > 0) throw new BadRequestError("The room is already booked at that time.");
    e.app = txApp;
    e.next();
  });
}

module.exports = { saveWithoutOverlap };
