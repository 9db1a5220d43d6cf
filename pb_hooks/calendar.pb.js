/// <reference path="../pb_data/types.d.ts" />
// Personal calendar feeds (pb_hooks/lib/calendar-feed.js). The feed itself takes no auth
// header, since calendar apps cannot send one: the secret in its URL authenticates it.

routerAdd("GET", "/api/coffice/calendar/{user}/{file}", (e) => {
  const feed = require(`${__hooks}/lib/calendar-feed.js`);
  const owner = feed.feedOwner(e.app, e.request.pathValue("user"), e.request.pathValue("file"));
  if (!owner) {
    // the same plain answer for an unknown person, a wrong secret or a reset one
    e.response.header().set("Cache-Control", "no-store");
    return e.string(404, "Calendar not found. Copy the calendar link again from My programme in Coffice.");
  }
  const headers = e.response.header();
  headers.set("Content-Type", "text/calendar; charset=utf-8");
  headers.set("Content-Disposition", 'inline; filename="coffice.ics"');
  headers.set("Cache-Control", "private, no-cache");
  headers.set("Referrer-Policy", "no-referrer");
  return e.string(200, feed.feedText(e.app, owner, require(`${__hooks}/lib/http.js`).requestOrigin(e)));
});

routerAdd(
  "GET",
  "/api/coffice/calendar-feed",
  (e) => {
    const { ensureFeedPath } = require(`${__hooks}/lib/calendar-feed.js`);
    e.response.header().set("Cache-Control", "no-store");
    return e.json(200, { path: ensureFeedPath(e.app, e.auth.id) });
  },
  $apis.requireAuth("users"),
);

routerAdd(
  "POST",
  "/api/coffice/calendar-feed/reset",
  (e) => {
    const { resetFeedPath } = require(`${__hooks}/lib/calendar-feed.js`);
    e.response.header().set("Cache-Control", "no-store");
    return e.json(200, { path: resetFeedPath(e.app, e.auth.id) });
  },
  $apis.requireAuth("users"),
);
