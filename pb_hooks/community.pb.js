/// <reference path="../pb_data/types.d.ts" />
// The community (DESIGN "The space and its community"): who is here today, the directory's
// people, who was here after an event. Members and hosts only (operators too, for tools and
// tests); guests and anonymous callers get 403. Live "here today": a check-in (or a change of
// someone's presence choice) sends the data-free message "coffice/here" to members' and hosts'
// open pages, which then ask /here again; guests cannot subscribe to it.

routerAdd(
  "GET",
  "/api/coffice/here",
  (e) => {
    const community = require(`${__hooks}/lib/community.js`);
    if (!e.hasSuperuserAuth() && !community.isMemberOrHost(e.auth)) throw new ForbiddenError("Only members and hosts see who is here.");
    e.response.header().set("Cache-Control", "no-store");
    return e.json(200, community.hereNow(e.app, Date.now()));
  },
  $apis.requireAuth(),
);

routerAdd(
  "GET",
  "/api/coffice/directory",
  (e) => {
    const community = require(`${__hooks}/lib/community.js`);
    if (!e.hasSuperuserAuth() && !community.isMemberOrHost(e.auth))
      throw new ForbiddenError("Only members and hosts see the member directory.");
    e.response.header().set("Cache-Control", "no-store");
    return e.json(200, community.directoryPeople(e.app));
  },
  $apis.requireAuth(),
);

routerAdd(
  "GET",
  "/api/coffice/events/{id}/attendees",
  (e) => {
    const community = require(`${__hooks}/lib/community.js`);
    const id = e.request.pathValue("id");
    if (!/^[a-z0-9]{15}$/.test(id)) throw new BadRequestError("The event id must be 15 characters, a-z and 0-9.");
    const asker = e.auth && e.auth.collection().name === "users" ? e.auth.id : "";
    const asHost = e.hasSuperuserAuth() || require(`${__hooks}/lib/http.js`).isHost(e);
    const result = community.whoWasHere(e.app, id, asker, asHost, Date.now());
    e.response.header().set("Cache-Control", "no-store");
    if (result.status === 403) throw new ForbiddenError(result.message);
    if (result.status === 404) throw new NotFoundError(result.message);
    return e.json(200, result.answer);
  },
  $apis.requireAuth(),
);

// Only members and hosts may listen for "here today" (the message carries nothing, but a
// guest has no business knowing when people come and go).
onRealtimeSubscribeRequest((e) => {
  const community = require(`${__hooks}/lib/community.js`);
  const wantsHere = e.subscriptions.some(community.isHereTopic);
  if (wantsHere && !e.hasSuperuserAuth() && !community.isMemberOrHost(e.auth)) {
    throw new ForbiddenError("Only members and hosts can follow who is here.");
  }
  e.next();
  community.rememberListener(e.app, e.client);
});

// a check-in's message is sent by the route that stored it (community.js signalCheckins)

// opting in or out, a new name or company shows at once on open pages
onRecordAfterUpdateSuccess((e) => {
  e.next();
  const before = e.record.original();
  const changed = ["show_presence", "name", "company"].some((f) => String(before.get(f)) !== String(e.record.get(f)));
  if (changed) require(`${__hooks}/lib/community.js`).signalHere(e.app);
}, "users");
