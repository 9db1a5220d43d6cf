/// <reference path="../pb_data/types.d.ts" />
// /api/health answers as PocketBase's own does (200 "API is healthy."), and tells what a venue's
// operator checks on a running server: the schema version (the last migration applied) and
// when the last backup was made. The data folder's path is for the operator (superuser) only.
// when this process started: a restore restarts it, and `npm run restore` waits for a new one
onBootstrap((e) => {
  e.next();
  e.app.store().set("coffice.startedAt", new Date().toISOString());
});

routerUse((e) => {
  if (e.request.url.path !== "/api/health" || (e.request.method !== "GET" && e.request.method !== "HEAD")) return e.next();
  const { healthOf } = require(`${__hooks}/lib/health.js`);
  return e.json(200, { code: 200, message: "API is healthy.", data: healthOf($app, e.hasSuperuserAuth()) });
});
