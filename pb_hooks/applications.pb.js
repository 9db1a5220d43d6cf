/// <reference path="../pb_data/types.d.ts" />
// Joining (DESIGN "The space and its community"; pb_hooks/lib/applications.js): the public
// facts for /join, applications that need no account (limited per address, a honeypot, one
// application per address and company a minute, a receipt by mail), and the hosts' decision.

// Before PocketBase reads the body: a body too large for any application is refused unread,
// and each client address has five tries in ten minutes (operators are not limited).
routerUse((e) => {
  const applications = require(`${__hooks}/lib/applications.js`);
  if (!applications.isApplicationCreate(e)) return e.next();
  const length = parseInt(String(e.request.header.get("Content-Length") || "0"), 10) || e.request.contentLength || 0;
  if (length > applications.MAX_BODY_BYTES) {
    const { refuse } = require(`${__hooks}/lib/refuse.js`);
    throw refuse("message", "application_too_long", "The application is too large: the message holds at most 2,000 characters.", {
      max: 2000,
    });
  }
  if (!e.hasSuperuserAuth() && !applications.mayTry(e.realIP())) throw new TooManyRequestsError(applications.TOO_MANY_MESSAGE);
  // the types as sent: the record hook sees them already turned into text
  applications.checkTypes(require(`${__hooks}/lib/http.js`).bodyOf(e));
  return e.next();
});

onRecordCreateRequest((e) => {
  const applications = require(`${__hooks}/lib/applications.js`);
  const body = require(`${__hooks}/lib/http.js`).bodyOf(e);
  // the form's hidden field, which people never see: whatever filled it is answered like a
  // person and nothing is stored
  const trap = body ? body.website : undefined;
  const fields = applications.cleanFields(body);
  Object.keys(fields).forEach((field) => e.record.set(field, fields[field]));
  e.record.set("status", "new");
  e.record.set("decided_by", "");
  e.record.set("decided_at", "");
  // a filled trap, or a double submit (the same address and company within a minute): answered
  // like a stored application, with an id of its own, and nothing stored
  const trapped = trap !== undefined && trap !== null && trap !== "";
  if (trapped || !applications.claimOnce(fields.email, fields.company)) {
    e.record.set("id", $security.randomStringWithAlphabet(15, "abcdefghijklmnopqrstuvwxyz0123456789"));
    return e.json(200, e.record);
  }
  try {
    e.app.runInTransaction((txApp) => {
      e.app = txApp;
      e.next();
      applications.queueNew(txApp, e.record);
    });
  } catch (err) {
    applications.unclaim(fields.email, fields.company);
    throw err;
  }
}, "applications");

// Hosts decide: {decision: "accept" | "decline", note?}. Accepting makes (or reuses) the
// company and invites the contact as a member; either way the applicant is mailed.
routerAdd(
  "POST",
  "/api/coffice/applications/{id}/decide",
  (e) => {
    const http = require(`${__hooks}/lib/http.js`);
    http.requireHost(e, "Only hosts decide applications.");
    const { refuse } = require(`${__hooks}/lib/refuse.js`);
    const body = http.bodyOf(e);
    const decision = body ? body.decision : undefined;
    if (decision !== "accept" && decision !== "decline") {
      throw refuse("decision", "application_decision_invalid", '`decision` must be "accept" or "decline".');
    }
    const note = body.note === undefined || body.note === null ? "" : body.note;
    if (typeof note !== "string" || note.length > 1000) {
      throw refuse("note", "application_too_long", "`note` must be text of at most 1,000 characters.", { max: 1000 });
    }
    const id = e.request.pathValue("id");
    if (!/^[a-z0-9]{15}$/.test(id)) throw new NotFoundError("That application does not exist.");
    const by = e.auth && e.auth.collection().name === "users" ? e.auth.id : "";
    let result;
    e.app.runInTransaction((txApp) => {
      result = require(`${__hooks}/lib/applications.js`).decide(txApp, id, decision, note.trim(), by);
    });
    return e.json(200, result);
  },
  $apis.requireAuth("users", "_superusers"),
);

// What /join shows beside the form: free fixed places (the host's number), flexible places free
// today (the open area's desks less today's desk days), the trades sought and the listed companies.
routerAdd("GET", "/api/coffice/join", (e) => {
  const clock = require(`${__hooks}/lib/vendor/venue-clock.js`);
  const day = clock.dayOf(Date.now());
  const from = clock.toStored(clock.dayStart(day));
  const until = clock.toStored(clock.dayEnd(day));
  const areas = e.app.findRecordsByFilter("spaces", "kind = 'open_area'", "", 0, 0);
  let capacity = 0;
  let taken = 0;
  areas.forEach((space) => {
    capacity += space.getInt("capacity");
    taken += e.app.countRecords(
      "bookings",
      $dbx.exp("space = {:space} AND starts < {:until} AND ends > {:from}", { space: space.id, from: from, until: until }),
    );
  });
  let venue;
  try {
    venue = e.app.findRecordById("venue", "venuesettings01");
  } catch (_) {
    venue = null;
  }
  const trades = venue
    ? venue
        .getString("sought_trades")
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean)
    : [];
  const companies = e.app.findRecordsByFilter("companies", "listed = true", "name", 0, 0).map((c) => ({
    id: c.id,
    collectionId: c.collection().id,
    name: c.getString("name"),
    about: c.getString("about"),
    website: c.getString("website"),
    seat: c.getString("seat"),
    logo: c.getString("logo"),
  }));
  e.response.header().set("Cache-Control", "no-cache");
  return e.json(200, {
    day: day,
    fixedFree: venue ? venue.getInt("fixed_places_free") : 0,
    flexCapacity: capacity,
    flexFree: Math.max(0, capacity - taken),
    soughtTrades: trades,
    answerDays: require(`${__hooks}/lib/applications.js`).ANSWER_DAYS,
    companies: companies,
  });
});

cronAdd("coffice-forget-application-tries", "*/10 * * * *", () => {
  require(`${__hooks}/lib/applications.js`).forgetOld();
});
