/// <reference path="../pb_data/types.d.ts" />
// /api/health answers as PocketBase's own does (200 "API is healthy."), and tells what a venue's
// operator checks on a running server: the schema version (the last migration applied) and
// when the last backup was made. The data folder's path is for the operator (superuser) only.
// The answer itself is given in front of every route (pb_hooks/lib/front.js).

// when this process started: a restore restarts it, and `npm run restore` waits for a new one
onBootstrap((e) => {
  e.next();
  e.app.store().set("coffice.startedAt", new Date().toISOString());
});
