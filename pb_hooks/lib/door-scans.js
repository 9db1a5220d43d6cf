// Scans on the server: the same decision as the door (the app's own module, vendor/verdict.js) from the server's own
// data, stored as check-ins. Call inside $app.runInTransaction: PocketBase runs one write
// transaction at a time, so "is this id known / was this pass already let in" and the write
// that follows cannot interleave with another door's scan.
//
// Speed (docs/DECISIONS.md "Door routes: where the time went"): every lookup from goja costs
// about as much as storing the check-in, so the routes look things up in few plain SQL
// queries — a pass with its event and holder's name in one, all the passes and events of an
// upload at once before its transaction, and inside it the upload's known ids and stored
// facts at once — and keep what they learnt in a `Lookups` for the answer.
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

/**
 * Many values for `IN (…)` as one JSON parameter, not a placeholder each: PocketBase rewrites
 * every {:name} with a regular expression and SQLite parses each one (200 ids: 440 → 160 µs).
 */
function inList(name, values) {
  const params = {};
  params[name] = JSON.stringify(values);
  return { sql: "SELECT value FROM json_each({:" + name + "})", params: params };
}

function rowsOf(app, sql, params, shape) {
  const rows = arrayOf(new DynamicModel(shape));
  app.db().newQuery(sql).bind(params).all(rows);
  return rows;
}

/** A date as the database stores it (always YYYY-MM-DD HH:MM:SS.sssZ), in ms: read as such, not
 * checked like a device's input (parseInstant), for the hundreds of rows an upload reads back. */
function storedMs(value) {
  return clock.fromStored(value).getTime();
}

/**
 * What a decision needs of a pass, as plain values: {id, code, kind, holder, holderName,
 * revoked, updatedMs, event} (`event`: an event pass's event, else "").
 */
function passInfoOfRow(row) {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    holder: row.holder,
    holderName: row.holder_name,
    revoked: row.revoked,
    updatedMs: storedMs(row.updated),
    event: row.kind === "event" ? row.event : "",
  };
}

const PASS_SQL =
  "SELECT p.id, p.code, p.kind, p.holder, p.revoked, p.updated, COALESCE(r.event, '') AS event, COALESCE(u.name, '') AS holder_name " +
  "FROM passes p LEFT JOIN registrations r ON r.id = p.registration LEFT JOIN users u ON u.id = p.holder ";
const PASS_SHAPE = { id: "", code: "", kind: "", holder: "", revoked: false, updated: "", event: "", holder_name: "" };

/**
 * Passes and events looked up once per request, however many scans are decided. `preload`
 * fetches those of many scans in two queries; anything not preloaded is fetched when asked.
 */
function newLookups(app) {
  const byCode = {};
  const byId = {};
  const events = {};
  const remember = (info) => {
    byCode[info.code] = info;
    byId[info.id] = info;
    return info;
  };
  const loadPasses = (where, params) => rowsOf(app, PASS_SQL + where, params, PASS_SHAPE).map((row) => remember(passInfoOfRow(row)));
  const loadEvents = (ids) => {
    ids.forEach((id) => (events[id] = null));
    const list = inList("e", ids);
    rowsOf(app, "SELECT id, title, starts, ends, status, reentry, updated FROM events WHERE id IN (" + list.sql + ")", list.params, {
      id: "",
      title: "",
      starts: "",
      ends: "",
      status: "",
      reentry: false,
      updated: "",
    }).forEach((row) => {
      events[row.id] = {
        id: row.id,
        title: row.title,
        starts: row.starts,
        ends: row.ends,
        status: row.status,
        reentry: row.reentry,
        updatedMs: storedMs(row.updated),
      };
    });
  };
  const lookups = {
    /** the pass with this exact code (unique index), or null; only for well-formed codes */
    passByCode: (code) => {
      if (!(code in byCode)) {
        byCode[code] = null;
        loadPasses("WHERE p.code = {:code}", { code: code });
      }
      return byCode[code];
    },
    passById: (id) => {
      if (!id) return null;
      if (!(id in byId)) {
        byId[id] = null;
        loadPasses("WHERE p.id = {:id}", { id: id });
      }
      return byId[id];
    },
    /** a pass record (or info) as info */
    passInfo: (pass) => (!pass ? null : typeof pass.getString === "function" ? lookups.passById(pass.id) : pass),
    event: (id) => {
      if (!id) return null;
      if (!(id in events)) loadEvents([id]);
      return events[id];
    },
    /** fetches the passes and events of these scans ({code, event}) in one query each */
    preload: (list) => {
      const codes = {};
      const eventIds = {};
      list.forEach((scan) => {
        if (typeof scan.code === "string" && isPassCode(scan.code) && !(scan.code in byCode)) codes[scan.code] = true;
      });
      const wanted = Object.keys(codes);
      wanted.forEach((code) => (byCode[code] = null));
      if (wanted.length > 0) {
        const codeList = inList("c", wanted);
        loadPasses("WHERE p.code IN (" + codeList.sql + ")", codeList.params);
      }
      list.forEach((scan) => {
        if (typeof scan.event === "string" && scan.event && !(scan.event in events)) eventIds[scan.event] = true;
        const pass = typeof scan.code === "string" ? byCode[scan.code] : null;
        if (pass && pass.event && !(pass.event in events)) eventIds[pass.event] = true;
      });
      const ids = Object.keys(eventIds);
      if (ids.length > 0) loadEvents(ids);
    },
  };
  return lookups;
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

// Deciding "at the scan's time from what the server knew": a pass revoked or an event
// cancelled after the scan (its last change came later) still counted as valid then.
function eventAsDoorSees(event, atMs) {
  const cancelledLater = event.status === "cancelled" && event.updatedMs > atMs;
  return {
    id: event.id,
    starts: event.starts,
    ends: event.ends,
    status: cancelledLater ? "published" : event.status,
    reentry: event.reentry,
  };
}

const FACT_SHAPE = { id: "", pass: "", event: "", direction: "", scanned_at: "", device: "", verdict: "", conflict: false };
const FACT_COLUMNS = "SELECT id, pass, event, direction, scanned_at, device, verdict, conflict FROM checkins ";

function factOfRow(row) {
  return {
    id: row.id,
    hash: row.pass,
    event: row.event,
    direction: row.direction,
    at: row.scanned_at,
    atMs: storedMs(row.scanned_at),
    device: row.device,
    verdict: row.verdict,
    conflict: row.conflict,
  };
}

// Which stored scans a decision and its aftermath read: a decision looks only at admissions
// before it (verdict.js), and an arrival can change what the scans after it should have been
// told (reconsiderLater), whatever their verdict. Repeats and refusals before it are left out: a
// member scanned twenty times a day is one admission and nineteen repeats.
const RELEVANT = "(verdict = 'admitted' OR scanned_at >= {:since})";

/**
 * The stored scans of a pass that a decision at this door and instant looks at (and that
 * an arrival there can change), oldest first: the same event's door, or the front door on
 * the same venue day (the decision looks at nothing else); of them the admissions and
 * everything from `atMs` on (RELEVANT).
 */
function factsFor(app, passId, eventId, atMs) {
  // factsOfMany of one scan reads the same rows, but through `IN (json_each)`: ~20 % fewer
  // online scans a second. Plain SQL, `+event`: see factsOfMany.
  const since = clock.toStored(atMs);
  if (eventId) {
    return rowsOf(
      app,
      FACT_COLUMNS + "WHERE pass = {:pass} AND event = {:event} AND " + RELEVANT + " ORDER BY scanned_at, id",
      { pass: passId, event: eventId, since: since },
      FACT_SHAPE,
    ).map(factOfRow);
  }
  const day = clock.dayOf(atMs);
  return rowsOf(
    app,
    FACT_COLUMNS +
      "WHERE pass = {:pass} AND scanned_at >= {:from} AND scanned_at < {:to} AND +event = '' AND " +
      RELEVANT +
      " ORDER BY scanned_at, id",
    { pass: passId, from: clock.toStored(clock.dayStart(day)), to: clock.toStored(clock.dayEnd(day)), since: since },
    FACT_SHAPE,
  ).map(factOfRow);
}

/** Where a scan's facts are kept in a `Facts`: per pass and event, or per pass and front-door day. */
function factsKey(passId, eventId, atMs) {
  return passId + " " + (eventId ? "event " + eventId : "day " + clock.dayOf(atMs));
}

/**
 * The stored facts of many scans ({pass, event, atMs}) in two queries, grouped by factsKey
 * (factsFor of each, at once); call inside the transaction that stores them.
 */
function factsOfMany(app, scans) {
  const grouped = {};
  if (scans.length === 0) return grouped;
  const front = {};
  const atEvents = {};
  const eventsAsked = {};
  const days = {};
  let earliest = Infinity;
  scans.forEach((scan) => {
    grouped[factsKey(scan.pass, scan.event, scan.atMs)] = [];
    earliest = Math.min(earliest, scan.atMs);
    if (scan.event) {
      atEvents[scan.pass] = true;
      eventsAsked[scan.event] = true;
    } else {
      front[scan.pass] = true;
      days[clock.dayOf(scan.atMs)] = true;
    }
  });
  // RELEVANT from the earliest scan: every scan may change those after it
  const since = clock.toStored(earliest);
  // the span of the front-door days (YYYY-MM-DD sorts as the days do)
  const dayList = Object.keys(days).sort();
  const from = dayList.length ? clock.dayStart(dayList[0]) : 0;
  const to = dayList.length ? clock.dayEnd(dayList[dayList.length - 1]) : 0;
  const add = (row) => {
    const fact = factOfRow(row);
    const key = factsKey(fact.hash, fact.event, fact.atMs);
    if (key in grouped) grouped[key].push(fact);
  };
  // plain SQL: a filter's `event = ''` becomes `(event = '' OR event IS NULL)`, which SQLite
  // answered from the event index (every front-door scan ever) instead of (pass, scanned_at)
  const frontIds = Object.keys(front);
  if (frontIds.length > 0) {
    const list = inList("p", frontIds);
    list.params.from = clock.toStored(from);
    list.params.to = clock.toStored(to);
    list.params.since = since;
    rowsOf(
      app,
      FACT_COLUMNS +
        "WHERE pass IN (" +
        list.sql +
        ") AND scanned_at >= {:from} AND scanned_at < {:to} AND +event = '' AND " +
        RELEVANT +
        " ORDER BY scanned_at, id",
      list.params,
      FACT_SHAPE,
    ).forEach(add);
  }
  const passIds = Object.keys(atEvents);
  if (passIds.length > 0) {
    const list = inList("p", passIds);
    const events = inList("e", Object.keys(eventsAsked));
    list.params.e = events.params.e;
    list.params.since = since;
    rowsOf(
      app,
      FACT_COLUMNS + "WHERE pass IN (" + list.sql + ") AND event IN (" + events.sql + ") AND " + RELEVANT + " ORDER BY scanned_at, id",
      list.params,
      FACT_SHAPE,
    ).forEach(add);
  }
  return grouped;
}

/** Puts a fact in its place in a list ordered by isBefore. */
function insertFact(facts, fact) {
  let i = facts.length;
  while (i > 0 && isBefore(fact, facts[i - 1])) i--;
  facts.splice(i, 0, fact);
}

// Facts are ordered by device time; two at the same millisecond by id, so the order is total.
function isBefore(a, b) {
  return a.atMs < b.atMs || (a.atMs === b.atMs && a.id < b.id);
}

/**
 * The server's decision for a scan {id, code, event, direction, atMs}, from the facts it
 * holds that came before it. `pass` is the pass's info (Lookups) or null.
 */
function decideAt(lookups, pass, scan, facts) {
  const doorPass = pass
    ? {
        hash: pass.id,
        kind: pass.kind,
        event: pass.event,
        revoked: pass.revoked && pass.updatedMs <= scan.atMs,
      }
    : undefined;
  const events = [];
  [scan.event, doorPass && doorPass.event !== scan.event ? doorPass.event : ""].forEach((id) => {
    const event = id ? lookups.event(id) : null;
    if (event) events.push(eventAsDoorSees(event, scan.atMs));
  });
  const before = [];
  facts.forEach((f) => {
    if (f.id !== scan.id && isBefore(f, scan)) before.push(f);
  });
  return decide(
    {
      code: scan.code,
      pass: doorPass,
      events: events,
      scans: before,
      door: scan.event ? { kind: "event", event: scan.event } : { kind: "front" },
      direction: scan.direction,
      at: new Date(scan.atMs),
    },
    clock.dayOf, // remembered per hour by the venue clock: decide() asks it of every stored fact
  );
}

/**
 * A fact arrived that is earlier than facts already stored (an offline door uploading
 * late): decide again each later scan it can change (`facts`, from factsFor, the arrival
 * included) and keep its conflict flag true to the server's view, so whichever door's
 * upload comes first, the later admission is the conflict.
 */
function reconsiderLater(app, lookups, pass, arrived, facts) {
  facts.forEach((fact) => {
    if (!isBefore(arrived, fact)) return;
    const decision = decideAt(
      lookups,
      pass,
      { id: fact.id, code: pass.code, event: fact.event, direction: fact.direction, atMs: fact.atMs },
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

/**
 * What a door is told about a stored check-in. `lookups` (optional) answers from what the
 * request already looked up.
 */
function answerFor(app, record, decision, lookups) {
  const known = lookups || newLookups(app);
  const answer = {
    verdict: record.getString("verdict"),
    direction: record.getString("direction"),
    checkin_id: record.id,
    conflict: record.getBool("conflict"),
  };
  const pass = known.passById(record.getString("pass"));
  const holder = record.getString("holder");
  if (holder) answer.holder_name = pass && pass.holder === holder ? pass.holderName : holderName(app, holder);
  const eventId = pass ? pass.event : "";
  if (eventId) {
    const event = known.event(eventId);
    answer.event = eventId;
    if (event) {
      answer.event_title = event.title;
      answer.event_starts = event.starts;
      answer.event_ends = event.ends;
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
 * `fact.pass`: the pass record or its info, or null. `known` ({lookups, facts}: the stored
 * facts of its pass there, without this one) saves looking up again what the caller holds;
 * the new fact joins `known.facts`.
 */
function storeFact(app, fact, known) {
  const at = clock.toStored(fact.atMs);
  const record = new Record(app.findCachedCollectionByNameOrId("checkins"));
  record.load({
    id: fact.id || newCheckinId(),
    pass: fact.pass ? fact.pass.id : "",
    holder: fact.holder || "",
    event: fact.event || "",
    direction: fact.direction,
    source: fact.source || "door",
    verdict: fact.verdict,
    scanned_at: at,
    device: fact.device || "",
    conflict: !!fact.conflict,
  });
  // every value was checked on the way in (door-input.js) or made here, and the pass, holder
  // and event were just looked up: validating again would look each of them up once more
  app.saveNoValidate(record);
  const stored = {
    id: record.id,
    hash: fact.pass ? fact.pass.id : "",
    event: fact.event || "",
    direction: fact.direction,
    at: at,
    atMs: fact.atMs,
    device: fact.device || "",
    verdict: fact.verdict,
    conflict: !!fact.conflict,
  };
  const lookups = known ? known.lookups : newLookups(app);
  const facts = known
    ? known.facts
    : fact.pass
      ? factsFor(app, fact.pass.id, fact.event || "", fact.atMs).filter((f) => f.id !== record.id)
      : [];
  insertFact(facts, stored);
  // admissions (in or out) change what later scans of the pass should have been told
  if (fact.pass && fact.verdict === "admitted") reconsiderLater(app, lookups, lookups.passInfo(fact.pass), stored, facts);
  return record;
}

/**
 * Stores one scan, at most once per id. `scan`: {id?, code, event, direction, atMs, device,
 * source, deviceVerdict?}. Without deviceVerdict the server's decision is the verdict (an
 * online scan); with it, the device's fact is kept and a disagreement is a conflict.
 * Returns {status: "stored"|"known"|"invalid", record, decision, verdict, conflict}; an
 * ill-formed code is never stored. `lookups` (newLookups, may be made before the transaction)
 * holds passes and events; `batch` (from newBatch, inside the transaction) the known ids and
 * facts of an upload.
 */
function recordScan(app, scan, lookups, batch) {
  const known = scan.id ? (batch ? batch.known(scan.id) : findOrNull(app, "checkins", scan.id)) : null;
  if (known)
    return { status: "known", record: known, decision: null, verdict: known.getString("verdict"), conflict: known.getBool("conflict") };
  const look = lookups || newLookups(app);
  const id = scan.id || newCheckinId();
  const pass = isPassCode(scan.code) ? look.passByCode(scan.code) : null;
  const facts = !pass ? [] : batch ? batch.facts(pass.id, scan.event, scan.atMs) : factsFor(app, pass.id, scan.event, scan.atMs);
  const decision = decideAt(look, pass, { id: id, code: scan.code, event: scan.event, direction: scan.direction, atMs: scan.atMs }, facts);
  if (decision.verdict === "invalid") return { status: "invalid", record: null, decision: decision, verdict: "", conflict: false };

  const fromDevice = scan.deviceVerdict !== undefined;
  const verdict = fromDevice ? scan.deviceVerdict : decision.verdict;
  const direction = fromDevice ? scan.direction : decision.direction;
  const conflict = fromDevice && (verdict !== decision.verdict || direction !== decision.direction);
  const record = storeFact(
    app,
    {
      id: id,
      pass: pass,
      holder: pass ? pass.holder : "",
      event: scan.event,
      direction: direction,
      source: scan.source,
      verdict: verdict,
      atMs: scan.atMs,
      device: scan.device,
      conflict: conflict,
    },
    { lookups: look, facts: facts },
  );
  if (batch) batch.stored(record);
  return { status: "stored", record: record, decision: decision, verdict: verdict, conflict: conflict };
}

/**
 * What an upload's transaction knows at once: which of its ids are stored already, and the
 * stored facts of its passes (two queries for the whole upload, not three per scan).
 * `scans`: [{id, code, event, atMs}] (the well-formed items); `lookups` has their passes.
 */
function newBatch(app, lookups, scans) {
  const knownIds = {};
  const ids = scans.map((scan) => scan.id);
  if (ids.length > 0) {
    const list = inList("i", ids);
    app.findAllRecords("checkins", $dbx.exp("id IN (" + list.sql + ")", list.params)).forEach((record) => (knownIds[record.id] = record));
  }
  const wanted = [];
  scans.forEach((scan) => {
    const pass = isPassCode(scan.code) ? lookups.passByCode(scan.code) : null;
    if (pass) wanted.push({ pass: pass.id, event: scan.event, atMs: scan.atMs });
  });
  const grouped = factsOfMany(app, wanted);
  return {
    known: (id) => knownIds[id] || null,
    facts: (passId, eventId, atMs) => grouped[factsKey(passId, eventId, atMs)] || (grouped[factsKey(passId, eventId, atMs)] = []),
    stored: (record) => (knownIds[record.id] = record),
  };
}

/**
 * Whether a pass is inside at the front door at `atMs` (its last admitted front-door scan
 * that venue day is an `in`): a member's own check-in then means leaving (docs/DOOR.md).
 */
function insideAtFront(app, passId, atMs) {
  const admitted = factsFor(app, passId, "", atMs).filter((f) => f.verdict === "admitted" && f.atMs <= atMs);
  return admitted.length > 0 && admitted[admitted.length - 1].direction === "in";
}

module.exports = {
  recordScan,
  insideAtFront,
  storeFact,
  answerFor,
  passByCode,
  holderName,
  findOrNull,
  newCheckinId,
  eventIdOfPass,
  newLookups,
  newBatch,
};
