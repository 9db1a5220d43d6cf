/// <reference path="../pb_data/types.d.ts" />
// Logos are images, whatever their bytes or name claim (pb_hooks/lib/logos.js).
onRecordCreateRequest((e) => {
  require(`${__hooks}/lib/logos.js`).refuseDisguisedLogos(e.record);
  e.next();
}, "companies");

onRecordUpdateRequest((e) => {
  require(`${__hooks}/lib/logos.js`).refuseDisguisedLogos(e.record);
  e.next();
}, "companies");
