/// <reference path="../pb_data/types.d.ts" />
// Room bookings (pb_hooks/lib/bookings.js): a person's booking keeps to the booking limits;
// no booking, whoever writes it, overlaps another in one space.
onRecordCreateRequest((e) => {
  require(`${__hooks}/lib/bookings.js`).checkPersonsBooking(e, true);
}, "bookings");

onRecordUpdateRequest((e) => {
  require(`${__hooks}/lib/bookings.js`).checkPersonsBooking(e, false);
}, "bookings");

onRecordCreate((e) => {
  require(`${__hooks}/lib/bookings.js`).saveWithoutOverlap(e);
}, "bookings");

onRecordUpdate((e) => {
  require(`${__hooks}/lib/bookings.js`).saveWithoutOverlap(e);
}, "bookings");
