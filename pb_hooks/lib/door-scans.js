// Scans on the server: the same decision as the door (lib/verdict.js) from the server's own
// data, stored as check-ins. Call inside $app.runInTransaction: PocketBase runs one write
// transaction at a time, so "is this id known / was this pass already let in" and the write
// that follows cannot interleave with another door's scan.
const { decide, isPassCode } = require(`${__hooks}/lib/verdict.js`);
const clock = require(`${__hooks}/lib/door-clock.js`);

const ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
// How far around a scan other scans of its pass can matter: a venue day, an event's window
// (a course may run over days); a week on each side covers both with room.
const HORIZON_MS = 8 * 24 * 3600 * 1000;

function newCheckinId() {
  return $security.randomStringWithAlphabet(15, ID_ALPHABET);
}

function findOrNull(app, collection, id) {
  if (!id) return null;
  try {
    return app.findRecordById(collection, id);
  } catch (_) {
    return null;
  }
}

/** The pass with this exact code (unique index), or null. Only call with a well-formed code. */
function passByCode(app, code) {
  try {
    return app.findFirstRecordByFilter("passes", "code = {:code}", { code: code });
  } catch (_) {
    return null;
  }
}

function eventIdOfPass(app, pass) {
  if (pass.getString("kind") !== "event") return "";
  const registration = findOrNull(app, "registrations", pass.getString("registration"));
  return registration ? registration.getString("event") : "";
}

function updatedMs(record) {
  return clock.parseTime(record.getString("updated"));
}

// Deciding "at the scan's time from what the server knew": a pass revoked or an event
// cancelled after the scan (its last change came later) still counted as valid then.
function passAsDoorSees(app, pass, atMs) {
  return {
    hash: pass.id,
    kind: pass.getString("kind"),
    event: eventIdOfPass(app, pass),
    revoked: pass.getBool("revoked") && updatedMs(pass) <= atMs,
  };
}

function eventAsDoorSees(event, atMs) {
  const cancelledLater = event.getString("status") === "cancelled" && updatedMs(event) > atMs;
  return {
    id: event.id,
    starts: event.getString("starts"),
    ends: event.getString("ends"),
    status: cancelledLater ? "published" : event.getString("status"),
    reentry: event.getBool("reentry"),
  };
}

function factOf(record) {
  return {
    id: record.id,
    hash: record.getString("pass"),
    event: record.getString("event"),
    direction: record.getString("direction"),
    at: record.getString("scanned_at"),
    atMs: clock.parseTime(record.getString("scanned_at")),
    device: record.getString("device"),
    verdict: record.getString("verdict"),
  };
}

/** Every stored scan of a pass near an instant, oldest first. */
function factsNear(app, passId, atMs) {
  return app
    .findRecordsByFilter("checkins", "pass = {:pass} && scanned_at >= {:from} && scanned_at <= {:to}", "scanned_at,id", 0, 0, {
      pass: passId,
      from: clock.stored(atMs - HORIZON_MS),
      to: clock.stored(atMs + HORIZON_MS),
    })
    .map(factOf);
}

// Facts are ordered by device time; two at the same millisecond by id, so the order is total.
function isBefore(a, b) {
  return a.atMs < b.atMs || (a.atMs === b.atMs && a.id < b.id);
}

/**
 * The server's decision for a scan {id, code, event, direction, atMs}, from the facts it
 * holds that came before it. `pass` is the pass record or null.
 */
function decideAt(app, pass, scan, facts) {
  const events = [];
  const addEvent = (id) => {
    const event = id ? findOrNull(app, "events", id) : null;
    if (event) events.push(eventAsDoorSees(event, scan.atMs));
  };
  const doorPass = pass ? passAsDoorSees(app, pass, scan.atMs) : undefined;
  addEvent(scan.event);
  if (doorPass && doorPass.event && doorPass.event !== scan.event) addEvent(doorPass.event);
  return decide(
    {
      code: scan.code,
      pass: doorPass,
      events: events,
      scans: facts.filter((f) => f.id !== scan.id && isBefore(f, scan)),
      door: scan.event ? { kind: "event", event: scan.event } : { kind: "front" },
      direction: scan.direction,
      at: new Date(scan.atMs),
    },
    clock.dayOf,
  );
}

/**
 * A fact arrived that is earlier than facts already stored (an offline door uploading
 * late): decide each later scan of the pass again and keep its conflict flag true to the
 * server's view, so whichever door's upload comes first, the later admission is the conflict.
 */
function reconsiderLater(app, pass, arrived) {
  const facts = factsNear(app, pass.id, arrived.atMs);
  facts
    .filter((f) => isBefore(arrived, f))
    .forEach((fact) => {
      const decision = decideAt(app, pass, { id: fact.id, code: pass.getString("code"), event: fact.event, direction: fact.direction, atMs: fact.atMs }, facts);
      const conflict = decision.verdict !== fact.verdict || decision.direction !== fact.direction;
      const record = app.findRecordById("checkins", fact.id);
      if (record.getBool("conflict") !== conflict) {
        record.set("conflict", conflict);
        app.save(record);
      }
    });
}

function holderName(app, holderId) {
  const holder = findOrNull(app, "users", holderId);
  return holder ? holder.getString("name") : "";
}

/** What a door is told about a stored check-in. */
function answerFor(app, record, decision) {
  const answer = {
    verdict: record.getString("verdict"),
    direction: record.getString("direction"),
    checkin_id: record.id,
    conflict: record.getBool("conflict"),
  };
  const holder = record.getString("holder");
  if (holder) answer.holder_name = holderName(app, holder);
  const pass = findOrNull(app, "passes", record.getString("pass"));
  const eventId = pass ? eventIdOfPass(app, pass) : "";
  if (eventId) {
    const event = findOrNull(app, "events", eventId);
    answer.event = eventId;
    if (event) answer.event_title = event.getString("title");
  }
  if (decision && decision.firstScan) answer.first_scan = decision.firstScan;
  return answer;
}

/** Writes one check-in; an admission makes later scans of the pass be judged again. */
function storeFact(app, fact) {
  const record = new Record(app.findCollectionByNameOrId("checkins"));
  record.set("id", fact.id || newCheckinId());
  record.set("pass", fact.pass ? fact.pass.id : "");
  record.set("holder", fact.holder || "");
  record.set("event", fact.event || "");
  record.set("direction", fact.direction);
  record.set("source", fact.source || "door");
  record.set("verdict", fact.verdict);
  record.set("scanned_at", clock.stored(fact.atMs));
  record.set("device", fact.device || "");
  record.set("conflict", !!fact.conflict);
  app.save(record);
  // admissions (in or out) change what later scans of the pass should have been told
  if (fact.pass && fact.verdict === "admitted") reconsiderLater(app, fact.pass, { id: record.id, atMs: fact.atMs });
  return record;
}

/**
 * Stores one scan, at most once per id. `scan`: {id?, code, event, direction, atMs, device,
 * source, deviceVerdict?}. Without deviceVerdict the server's decision is the verdict (an
 * online scan); with it, the device's fact is kept and a disagreement is a conflict.
 * Returns {status: "stored"|"known", record, decision}; an ill-formed code is never stored.
 */
function recordScan(app, scan) {
  const known = findOrNull(app, "checkins", scan.id);
  if (known) return { status: "known", record: known, decision: null };
  const id = scan.id || newCheckinId();
  const pass = isPassCode(scan.code) ? passByCode(app, scan.code) : null;
  const facts = pass ? factsNear(app, pass.id, scan.atMs) : [];
  const decision = decideAt(app, pass, { id: id, code: scan.code, event: scan.event, direction: scan.direction, atMs: scan.atMs }, facts);
  if (decision.verdict === "invalid") return { status: "invalid", record: null, decision: decision };

  const fromDevice = scan.deviceVerdict !== undefined;
  const verdict = fromDevice ? scan.deviceVerdict : decision.verdict;
  const direction = fromDevice ? scan.direction : decision.direction;
  const record = storeFact(app, {
    id: id,
    pass: pass,
    holder: pass ? pass.getString("holder") : "",
    event: scan.event,
    direction: direction,
    source: scan.source,
    verdict: verdict,
    atMs: scan.atMs,
    device: scan.device,
    conflict: fromDevice && (verdict !== decision.verdict || direction !== decision.direction),
  });
  return { status: "stored", record: record, decision: decision };
}

module.exports = { recordScan, storeFact, answerFor, passByCode, holderName, findOrNull, newCheckinId, eventIdOfPass };
