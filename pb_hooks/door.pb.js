/// <reference path="../pb_data/types.d.ts" />
// The door's routes (docs/DOOR.md): scanning online, uploading offline scans, the door list,
// walk-ins, who is inside, the front-door poster, closing time. Hosts only, except a
// member's self check-in. Operators (superusers) may use them too: they run the venue's
// tools and tests, never the app. Each handler is isolated in goja, so helpers are required
// inside it. Bodies are small by nature; tight limits keep a hostile one cheap.

// A QR code holds at most ~3 KB; 16 KB leaves room for the other fields and nothing more.
routerAdd(
  "POST",
  "/api/coffice/scan",
  (e) => {
    const http = require(`${__hooks}/lib/http.js`);
    http.requireHost(e);
    const input = require(`${__hooks}/lib/door-input.js`);
    const scans = require(`${__hooks}/lib/door-scans.js`);
    const clock = require(`${__hooks}/lib/vendor/venue-clock.js`);
    const body = http.bodyOf(e);
    if (!body) throw new BadRequestError('Send JSON: {"code": "<the scanned text>"}.');
    const now = Date.now();
    // the pass (with its event and holder's name) and the events, before the transaction:
    // inside it only what another door's scan could change (known id, the pass's facts)
    const lookups = scans.newLookups(e.app);
    if (typeof body.code === "string") lookups.preload([{ code: body.code, event: typeof body.event === "string" ? body.event : "" }]);
    const problem = input.scanProblem(e.app, body, now, lookups);
    if (problem) throw new BadRequestError(problem);
    let result;
    e.app.runInTransaction((txApp) => {
      result = scans.recordScan(
        txApp,
        {
          id: body.id || "",
          code: body.code,
          event: body.event || "",
          direction: body.direction || "in",
          atMs: body.scanned_at ? clock.parseInstant(body.scanned_at) : now,
          device: body.device || "",
          source: "door",
        },
        lookups,
      );
    });
    if (result.status === "invalid") return e.json(200, { verdict: "invalid", direction: body.direction || "in" });
    if (result.status === "stored") require(`${__hooks}/lib/community.js`).signalCheckins(e.app, [result.record]);
    const answer = scans.answerFor(e.app, result.record, result.decision, lookups);
    if (result.status === "known") answer.known = true;
    return e.json(200, answer);
  },
  $apis.requireAuth(),
  $apis.bodyLimit(16 * 1024),
);

routerAdd(
  "POST",
  "/api/coffice/sync",
  (e) => {
    const http = require(`${__hooks}/lib/http.js`);
    http.requireHost(e);
    const { syncScans } = require(`${__hooks}/lib/door-sync.js`);
    return e.json(200, syncScans(e.app, http.bodyOf(e)));
  },
  $apis.requireAuth(),
  $apis.bodyLimit(1024 * 1024),
);

routerAdd(
  "GET",
  "/api/coffice/door-list",
  (e) => {
    require(`${__hooks}/lib/http.js`).requireHost(e);
    const clock = require(`${__hooks}/lib/vendor/venue-clock.js`);
    const query = e.request.url.query();
    const now = Date.now();
    const today = clock.dayOf(now);
    const from = query.get("from") ? clock.parseInstant(query.get("from")) : clock.dayStart(today);
    const to = query.get("to") ? clock.parseInstant(query.get("to")) : clock.dayEnd(today) - 1;
    if (isNaN(from)) throw new BadRequestError('"from" must be a date and time like 2026-11-30T00:00:00.000Z.');
    if (isNaN(to)) throw new BadRequestError('"to" must be a date and time like 2026-11-30T23:59:59.999Z.');
    if (to < from) throw new BadRequestError('"to" must not be before "from".');
    if (to - from > 7 * 24 * 3600 * 1000) throw new BadRequestError('"from" and "to" may be at most 7 days apart.');
    e.response.header().set("Cache-Control", "no-store");
    return e.json(200, require(`${__hooks}/lib/door-list.js`).doorList(e.app, from, to));
  },
  $apis.requireAuth(),
);

routerAdd(
  "POST",
  "/api/coffice/walk-in",
  (e) => {
    const http = require(`${__hooks}/lib/http.js`);
    http.requireHost(e);
    const input = require(`${__hooks}/lib/door-input.js`);
    const clock = require(`${__hooks}/lib/vendor/venue-clock.js`);
    const walkins = require(`${__hooks}/lib/door-walkin.js`);
    const body = http.bodyOf(e);
    if (!body) throw new BadRequestError('Send JSON: {"id": "<15 characters>", "name": "<their name>"}.');
    const now = Date.now();
    const problem =
      input.requiredIdProblem(body.id, "id") ||
      walkins.walkInProblem(body) ||
      input.eventProblem(e.app, body.event, "event") ||
      input.timeProblem(body.scanned_at, "scanned_at", false, now) ||
      input.deviceProblem(body.device, "device");
    if (problem) throw new BadRequestError(problem);
    if (body.event && e.app.findRecordById("events", body.event).getString("status") !== "published") {
      throw new BadRequestError('"event" is not open: it is cancelled or not yet published.');
    }
    const answer = walkins.walkIn(e.app, {
      id: body.id,
      name: body.name.trim(),
      email: typeof body.email === "string" ? body.email.trim().toLowerCase() : "",
      event: body.event || "",
      atMs: body.scanned_at ? clock.parseInstant(body.scanned_at) : now,
      device: body.device || "",
    });
    return e.json(200, answer);
  },
  $apis.requireAuth(),
  $apis.bodyLimit(16 * 1024),
);

// A host names a door device ("Entrén"): verdicts then show the name, not its id.
routerAdd(
  "POST",
  "/api/coffice/door-device",
  (e) => {
    const http = require(`${__hooks}/lib/http.js`);
    http.requireHost(e);
    const devices = require(`${__hooks}/lib/door-devices.js`);
    const body = http.bodyOf(e);
    const problem = devices.namingProblem(body);
    if (problem) throw new BadRequestError(problem);
    return e.json(200, devices.nameDevice(e.app, body.device.trim(), body.name.trim()));
  },
  $apis.requireAuth(),
  $apis.bodyLimit(16 * 1024),
);

routerAdd(
  "GET",
  "/api/coffice/inside",
  (e) => {
    require(`${__hooks}/lib/http.js`).requireHost(e);
    e.response.header().set("Cache-Control", "no-store");
    return e.json(200, require(`${__hooks}/lib/door-list.js`).insideNow(e.app, Date.now()));
  },
  $apis.requireAuth(),
);

routerAdd(
  "GET",
  "/api/coffice/door-poster",
  (e) => {
    const http = require(`${__hooks}/lib/http.js`);
    http.requireHost(e);
    const origin = http.requestOrigin(e);
    e.response.header().set("Cache-Control", "no-store");
    return e.json(200, require(`${__hooks}/lib/door-settings.js`).poster(e.app, origin, Date.now()));
  },
  $apis.requireAuth(),
);

routerAdd(
  "POST",
  "/api/coffice/door-poster/rotate",
  (e) => {
    const http = require(`${__hooks}/lib/http.js`);
    http.requireHost(e);
    const origin = http.requestOrigin(e);
    return e.json(200, require(`${__hooks}/lib/door-settings.js`).rotatePoster(e.app, origin, Date.now()));
  },
  $apis.requireAuth(),
);

routerAdd(
  "POST",
  "/api/coffice/self-checkin",
  (e) => {
    const role = e.auth.collection().name === "users" ? e.auth.getString("role") : "";
    if (role !== "member" && role !== "host") throw new ForbiddenError("Only members can check themselves in. Ask a host at the door.");
    const { selfCheckin } = require(`${__hooks}/lib/door-self.js`);
    return e.json(200, selfCheckin(e.app, e.auth, require(`${__hooks}/lib/http.js`).bodyOf(e), Date.now()));
  },
  $apis.requireAuth("users"),
  $apis.bodyLimit(16 * 1024),
);

routerAdd(
  "GET",
  "/api/coffice/door-settings",
  (e) => {
    require(`${__hooks}/lib/http.js`).requireHost(e);
    return e.json(200, { closing_time: require(`${__hooks}/lib/door-settings.js`).closingTime(e.app) });
  },
  $apis.requireAuth(),
);

routerAdd(
  "POST",
  "/api/coffice/door-settings",
  (e) => {
    const http = require(`${__hooks}/lib/http.js`);
    http.requireHost(e);
    const settings = require(`${__hooks}/lib/door-settings.js`);
    const body = http.bodyOf(e);
    if (!body || typeof body.closing_time !== "string") {
      throw new BadRequestError('Send JSON: {"closing_time": "HH:MM"} (venue time), or "" for no automatic check-out.');
    }
    const value = body.closing_time.trim();
    if (value && !settings.CLOSING_TIME.test(value)) {
      throw new BadRequestError('"closing_time" must be a time like "22:00" (24-hour, venue time), or "" for none.');
    }
    settings.setClosingTime(e.app, value);
    return e.json(200, { closing_time: value });
  },
  $apis.requireAuth(),
  $apis.bodyLimit(16 * 1024),
);

// Every minute: once the closing time has come, whoever is still inside is checked out.
cronAdd("coffice-closing-time", "* * * * *", () => {
  require(`${__hooks}/lib/door-settings.js`).closeTheDay($app, Date.now());
});
