/// <reference path="../pb_data/types.d.ts" />
// The venue's settings (pb_migrations/1764800010_create_venue.js): a map link must be an
// http(s) address, since the app opens it as a link.
onRecordUpdateRequest((e) => {
  const url = e.record.getString("map_url").trim();
  if (url && !/^https?:\/\//i.test(url)) {
    throw new BadRequestError("The map link must start with https://.", {
      map_url: new ValidationError("validation_invalid_url", "The map link must start with https://."),
    });
  }
  e.record.set("name", e.record.getString("name").trim());
  e.record.set("address", e.record.getString("address").trim());
  e.next();
}, "venue");
