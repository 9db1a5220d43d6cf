/// <reference path="../pb_data/types.d.ts" />
// Door devices' names are kept in memory for the scan answers and the door list
// (lib/door-devices.js); a name saved or deleted anywhere, by the rename route or in the
// operator's admin UI, renews the token that makes every kept copy be read again.
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
