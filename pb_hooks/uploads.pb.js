/// <reference path="../pb_data/types.d.ts" />
// Logos and personal photos are images, whatever their bytes or name claim, and not so many
// pixels that making a thumb exhausts the server's memory (pb_hooks/lib/uploaded-images.js).
onRecordCreateRequest((e) => {
  require(`${__hooks}/lib/uploaded-images.js`).checkUploadedImages(e.record, "logo");
  e.next();
}, "companies");

onRecordUpdateRequest((e) => {
  require(`${__hooks}/lib/uploaded-images.js`).checkUploadedImages(e.record, "logo");
  e.next();
}, "companies");

onRecordCreateRequest((e) => {
  require(`${__hooks}/lib/uploaded-images.js`).checkUploadedImages(e.record, "avatar");
  e.next();
}, "users");

onRecordUpdateRequest((e) => {
  require(`${__hooks}/lib/uploaded-images.js`).checkUploadedImages(e.record, "avatar");
  e.next();
}, "users");
