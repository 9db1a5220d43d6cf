// Scans on the server: the same decision as the door (the app's own module, vendor/verdict.js) from the server's own
// data, stored as check-ins. Call inside $app.runInTransaction: PocketBase runs one write
// transaction at a time, so "is this id known / was this pass already let in" and the write
// that follows cannot interleave with another door's scan.
const { decide, isPassCode } = require(`${__hooks}/lib/vendor/verdict.js`);
const clock = require(`${__hooks}/lib/vendor/venue-clock.js`);

const ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

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
  return clock.parseInstant(record.getString("updated"));
}

// Deciding "at the scan's time from what the server knew": a pass revoked or an event
// cancelled after the scan (its last change came later) still counted as valid then.
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
    atMs: clock.parseInstant(record.getString("scanned_at")),
    device: record.getString("device"),
    verdict: record.getString("verdict"),
    conflict: record.getBool("conflict"),
  };
}

/**
 * The stored scans of a pass that a decision at this door and instant looks at (and that
 * an arrival there can change), oldest first: the same event's door, or the front door on
 * the same venue day (the decision looks at nothing else).
 */
function factsFor(app, passId, eventId, atMs) {
  if (eventId) {
    return app
      .findRecordsByFilter("checkins", "pass = {:pass} && event = {:event}", "scanned_at,id", 0, 0, { pass: passId, event: eventId })
      .map(factOf);
  }
  const day = clock.dayOf(atMs);
  return app
    .findRecordsByFilter("checkins", "pass = {:pass} && event = '' && scanned_at >= {:from} && scanned_at < {:to}", "scanned_at,id", 0, 0, {
      pass: passId,
      from: clock.toStored(clock.dayStart(day)),
      to: clock.toStored(clock.dayEnd(day)),
    })
    .map(factOf);
}

// Facts are ordered by device time; two at the same millisecond by id, so the order is total.
function isBefore(a, b) {
  return a.atMs < b.atMs || (a.atMs === b.atMs && a.id < b.id);
}

/** Events and pass details looked up once per request, however many scans are decided. */
function newMemo(app) {
  const events = {};
  const passEvents = {};
  return {
    event: (id) => {
      if (!(id in events)) events[id] = id ? findOrNull(app, "events", id) : null;
      return events[id];
    },
    eventOfPass: (pass) => {
      if (!(pass.id in passEvents)) passEvents[pass.id] = eventIdOfPass(app, pass);
      return passEvents[pass.id];
    },
  };
}

/**
 * The server's decision for a scan {id, code, event, direction, atMs}, from the facts it
 * holds that came before it. `pass` is the pass record or null.
 */
function decideAt(memo, pass, scan, facts) {
  const doorPass = pass
    ? {
        hash: pass.id,
        kind: pass.getString("kind"),
        event: memo.eventOfPass(pass),
        revoked: pass.getBool("revoked") && updatedMs(pass) <= scan.atMs,
      }
    : undefined;
  const events = [];
  [scan.event, doorPass && doorPass.event !== scan.event ? doorPass.event : ""].forEach((id) => {
    const event = id ? memo.event(id) : null;
    if (event) events.push(eventAsDoorSees(event, scan.atMs));
  });
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
 * late): decide again each later scan it can change (`facts`, from factsFor, the arrival
 * included) and keep its conflict flag true to the server's view, so whichever door's
 * upload comes first, the later admission is the conflict.
 */
function reconsiderLater(app, memo, pass, arrived, facts) {
  facts
    .filter((f) => isBefore(arrived, f))
    .forEach((fact) => {
      const decision = decideAt(
        memo,
        pass,
        { id: fact.id, code: pass.getString("code"), event: fact.event, direction: fact.direction, atMs: fact.atMs },
        facts,
      );
      const conflict = decision.verdict !== fact.verdict || decision.direction !== fact.direction;
      if (fact.conflict === conflict) return;
      const record = app.findRecordById("checkins", fact.id);
      record.set("conflict", conflict);
      app.save(record);
      fact.conflict = conflict;
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
    if (event) {
      answer.event_title = event.getString("title");
      answer.event_starts = event.getString("starts");
      answer.event_ends = event.getString("ends");
    }
  }
  if (decision && decision.firstScan) {
    const name = require(`${__hooks}/lib/door-devices.js`).nameOf(app, decision.firstScan.device);
    answer.first_scan = { at: decision.firstScan.at, device: decision.firstScan.device };
    if (name) answer.first_scan.device_name = name;
  }
  return answer;
}

/**
 * Writes one check-in; an admission makes later scans of the pass be judged again.
 * `known` ({memo, facts}) saves looking up again what the caller already holds.
 */
function storeFact(app, fact, known) {
  const record = new Record(app.findCollectionByNameOrId("checkins"));
  record.set("id", fact.id || newCheckinId());
  record.set("pass", fact.pass ? fact.pass.id : "");
  record.set("holder", fact.holder || "");
  record.set("event", fact.event || "");
  record.set("direction", fact.direction);
  record.set("source", fact.source || "door");
  record.set("verdict", fact.verdict);
  record.set("scanned_at", clock.toStored(fact.atMs));
  record.set("device", fact.device || "");
  record.set("conflict", !!fact.conflict);
  app.save(record);
  // admissions (in or out) change what later scans of the pass should have been told
  if (fact.pass && fact.verdict === "admitted") {
    const memo = known ? known.memo : newMemo(app);
    const facts = (known ? known.facts : factsFor(app, fact.pass.id, fact.event || "", fact.atMs).filter((f) => f.id !== record.id)).concat(
      [factOf(record)],
    );
    reconsiderLater(app, memo, fact.pass, factOf(record), facts);
  }
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
  const facts = pass ? factsFor(app, pass.id, scan.event, scan.atMs) : [];
  const memo = newMemo(app);
  const decision = decideAt(memo, pass, { id: id, code: scan.code, event: scan.event, direction: scan.direction, atMs: scan.atMs }, facts);
  if (decision.verdict === "invalid") return { status: "invalid", record: null, decision: decision };

  const fromDevice = scan.deviceVerdict !== undefined;
  const verdict = fromDevice ? scan.deviceVerdict : decision.verdict;
  const direction = fromDevice ? scan.direction : decision.direction;
  const record = storeFact(
    app,
    {
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
    },
    { memo: memo, facts: facts },
  );
  return { status: "stored", record: record, decision: decision };
}

/**
 * Whether a pass is inside at the front door at `atMs` (its last admitted front-door scan
 * that venue day is an `in`): a member's own check-in then means leaving (docs/DOOR.md).
 */
function insideAtFront(app, passId, atMs) {
  const admitted = factsFor(app, passId, "", atMs).filter((f) => f.verdict === "admitted" && f.atMs <= atMs);
  return admitted.length > 0 && admitted[admitted.length - 1].direction === "in";
}

module.exports = { recordScan, insideAtFront, storeFact, answerFor, passByCode, holderName, findOrNull, newCheckinId, eventIdOfPass };
