/// <reference path="../pb_data/types.d.ts" />
// Door devices' names are kept in the app's store for the scan answers (lib/door-devices.js);
// a name changed anywhere, the route or the operator's admin UI, empties it.
onRecordAfterCreateSuccess((e) => {
  require(`${__hooks}/lib/door-devices.js`).forgetNames(e.app);
  e.next();
}, "door_devices");
onRecordAfterUpdateSuccess((e) => {
  require(`${__hooks}/lib/door-devices.js`).forgetNames(e.app);
  e.next();
}, "door_devices");
onRecordAfterDeleteSuccess((e) => {
  require(`${__hooks}/lib/door-devices.js`).forgetNames(e.app);
  e.next();
}, "door_devices");
