/// <reference path="../pb_data/types.d.ts" />
// Room bookings never overlap in one space (pb_hooks/lib/bookings.js).
onRecordCreate((e) => {
  require(`${__hooks}/lib/bookings.js`).saveWithoutOverlap(e, true);
}, "bookings");

onRecordUpdate((e) => {
  require(`${__hooks}/lib/bookings.js`).saveWithoutOverlap(e, false);
}, "bookings");
