// What a door device needs to decide offline for a window of time (docs/DOOR.md), and who is
// inside now. Codes leave the server only as SHA-256 hashes; each holder's name is sealed
// with AES-256-GCM under a key only the holder's code gives, so a lost tablet shows no names.
const clock = require(`${__hooks}/lib/vendor/venue-clock.js`);

// An event door opens an hour before the event starts (src/lib/door/verdict.ts).
const EARLY_MS = 60 * 60000;

function codeHash(code) {
  return $security.sha256(code);
}

/** The key that seals a holder's name: the first 32 hex characters of a hash of the code. */
function nameKey(code) {
  return $security.sha256("coffice-name:" + code).substring(0, 32);
}

function usersById(app, ids) {
  const byId = {};
  const unique = ids.filter((id, i) => id && ids.indexOf(id) === i);
  for (let i = 0; i < unique.length; i += 200) {
    app.findRecordsByIds("users", unique.slice(i, i + 200)).forEach((u) => (byId[u.id] = u));
  }
  return byId;
}

function doorList(app, fromMs, toMs) {
  const from = clock.toStored(fromMs);
  const to = clock.toStored(toMs);
  const events = app.findRecordsByFilter("events", "status != 'draft' && starts <= {:opens} && ends >= {:from}", "starts", 0, 0, {
    opens: clock.toStored(toMs + EARLY_MS),
    from: from,
  });
  const eventPasses = [];
  events.forEach((event) => {
    app.findRecordsByFilter("passes", "kind = 'event' && registration.event = {:event}", "", 0, 0, { event: event.id }).forEach((pass) => {
      eventPasses.push({ record: pass, event: event.id });
    });
  });
  const memberPasses = app.findRecordsByFilter("passes", "kind = 'member'", "", 0, 0).map((pass) => ({ record: pass, event: "" }));
  const all = memberPasses.concat(eventPasses);

  const codeOfPass = {};
  all.forEach((p) => (codeOfPass[p.record.id] = p.record.getString("code")));
  const checkins = app.findRecordsByFilter(
    "checkins",
    "verdict = 'admitted' && pass != '' && scanned_at >= {:from} && scanned_at <= {:to}",
    "scanned_at",
    0,
    0,
    { from: from, to: to },
  );
  // a scan of a pass outside this list (an event beyond the window) still tells who is in
  checkins.forEach((c) => {
    const passId = c.getString("pass");
    if (codeOfPass[passId] === undefined) {
      try {
        codeOfPass[passId] = app.findRecordById("passes", passId).getString("code");
      } catch (_) {
        codeOfPass[passId] = "";
      }
    }
  });

  const holders = usersById(
    app,
    all.map((p) => p.record.getString("holder")),
  );
  return {
    generated_at: clock.toStored(Date.now()),
    devices: require(`${__hooks}/lib/door-devices.js`).keptNames(app),
    from: from,
    to: to,
    events: events.map((e) => ({
      id: e.id,
      title: e.getString("title"),
      starts: e.getString("starts"),
      ends: e.getString("ends"),
      status: e.getString("status"),
      reentry: e.getBool("reentry"),
    })),
    passes: all.map((p) => {
      const code = p.record.getString("code");
      const holder = holders[p.record.getString("holder")];
      return {
        hash: codeHash(code),
        kind: p.record.getString("kind"),
        event: p.event,
        revoked: p.record.getBool("revoked"),
        name: $security.encrypt(holder ? holder.getString("name") : "", nameKey(code)),
      };
    }),
    scans: checkins
      .filter((c) => codeOfPass[c.getString("pass")])
      .map((c) => ({
        hash: codeHash(codeOfPass[c.getString("pass")]),
        event: c.getString("event"),
        direction: c.getString("direction"),
        at: c.getString("scanned_at"),
        device: c.getString("device"),
        verdict: "admitted",
      })),
  };
}

/**
 * The last admitted scan today of each person at each door; those whose last is `in` are
 * inside. Returns {front: n, events: {"<event id>": n}, came: {"<event id>": n}}: `came`
 * counts everyone let in at an event's door today, which stays true after the event ends.
 */
function insideNow(app, nowMs) {
  const today = clock.dayOf(nowMs);
  const checkins = app.findRecordsByFilter(
    "checkins",
    "verdict = 'admitted' && scanned_at >= {:from} && scanned_at <= {:to}",
    "scanned_at,created",
    0,
    0,
    { from: clock.toStored(clock.dayStart(today)), to: clock.toStored(nowMs) },
  );
  const last = {};
  const came = {};
  checkins.forEach((c) => {
    const who = c.getString("holder") || c.getString("pass");
    if (!who) return;
    const key = c.getString("event") + "/" + who;
    last[key] = c;
    if (c.getString("event") && c.getString("direction") === "in") came[key] = c.getString("event");
  });
  const answer = { front: 0, events: {}, came: {} };
  Object.keys(came).forEach((key) => (answer.came[came[key]] = (answer.came[came[key]] || 0) + 1));
  Object.keys(last).forEach((key) => {
    const c = last[key];
    if (c.getString("direction") !== "in") return;
    const event = c.getString("event");
    if (!event) answer.front++;
    else answer.events[event] = (answer.events[event] || 0) + 1;
  });
  return answer;
}

module.exports = { doorList, insideNow, codeHash, nameKey };
