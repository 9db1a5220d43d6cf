/// <reference path="../pb_data/types.d.ts" />
// Hosts' event management (pb_hooks/lib/events.js): coded 400s for edits the API rules
// cannot judge, passes revoked when an event is cancelled, participants as CSV.

onRecordCreateRequest((e) => {
  const events = require(`${__hooks}/lib/events.js`);
  const problem = events.eventProblem(e.app, e.record, null, e.hasSuperuserAuth());
  if (problem) throw problem;
  const ended = events.endedPublishProblem(e.record, null, e.hasSuperuserAuth());
  if (ended) throw ended;
  e.next();
}, "events");

onRecordUpdateRequest((e) => {
  const events = require(`${__hooks}/lib/events.js`);
  const problem = events.eventProblem(e.app, e.record, e.record.original(), e.hasSuperuserAuth());
  if (problem) throw problem;
  const ended = events.endedPublishProblem(e.record, e.record.original(), e.hasSuperuserAuth());
  if (ended) throw ended;
  // The edit's transaction begins here, around the save, and not in onRecordUpdate below: a
  // save begun outside a transaction decides then that its realtime broadcast goes out at once,
  // so a transaction opened inside the save's own hook swallowed it (open apps saw a moved event
  // only at their next sync). Begun here, PocketBase holds the broadcast and the answer until
  // the commit.
  e.app.runInTransaction((txApp) => {
    e.app = txApp;
    e.next();
  });
}, "events");

// What follows an edit (passes revoked when cancelled, the changed/cancelled notices) is
// written in the edit's own transaction, so it exists exactly when the edit does.
onRecordUpdate((e) => {
  const { afterEventUpdate } = require(`${__hooks}/lib/events.js`);
  const before = e.record.original();
  const follow = (/** @type {core.App} */ txApp) => {
    afterEventUpdate(txApp, e.record, before);
    require(`${__hooks}/lib/notices.js`).eventEdited(txApp, e.record, before);
  };
  if (e.app.isTransactional()) {
    // the API's edits (the request hook above), batches, and saves inside other transactions
    e.next();
    follow(e.app);
    return;
  }
  // a save outside any transaction (none of the app's own paths): still all or nothing, though
  // its realtime broadcast may then not reach open apps
  e.app.runInTransaction((txApp) => {
    e.app = txApp;
    e.next();
    follow(txApp);
  });
}, "events");

routerAdd(
  "GET",
  "/api/coffice/events/{id}/participants.csv",
  (e) => {
    require(`${__hooks}/lib/http.js`).requireHost(e, "Only hosts can download participant lists.");
    let event;
    try {
      event = e.app.findRecordById("events", e.request.pathValue("id"));
    } catch (_) {
      throw new NotFoundError("That event does not exist.");
    }
    const { participantsCsv, csvFileName } = require(`${__hooks}/lib/participants-csv.js`);
    const headers = e.response.header();
    headers.set("Content-Type", "text/csv; charset=utf-8");
    headers.set("Content-Disposition", 'attachment; filename="' + csvFileName(event) + '"');
    headers.set("Cache-Control", "no-store");
    const lang = e.request.url.query().get("lang") === "sv" ? "sv" : "en";
    return e.string(200, participantsCsv(e.app, event.id, lang));
  },
  $apis.requireAuth("users"),
);
