// The community's views of people (DESIGN "The space and its community"): who is here today,
// the member directory's people, and "who was here" after an event. Each lists only people who
// chose to be shown (show_presence, listed), read at the moment of the request, so opting out
// takes effect at once. Never an email address: name, headline, company.
const clock = require(`${__hooks}/lib/vendor/venue-clock.js`);
const settings = require(`${__hooks}/lib/door-settings.js`);

/** "Who was here" stays open this long after an event ends. */
const WHO_WAS_HERE_DAYS = 14;
const DAY_MS = 24 * 3600 * 1000;
/**
 * "Here today" changed: the one record (migration 1765200000) saved to tell members' and hosts'
 * open pages to ask /here again. Its realtime topic, `here_signals/heretodaysignal`, carries no
 * data but the record's times.
 */
const HERE_SIGNALS = "here_signals";
const HERE_SIGNAL_ID = "heretodaysignal";

function isMemberOrHost(record) {
  if (!record || record.collection().name !== "users") return false;
  const role = record.getString("role");
  return role === "member" || role === "host";
}

function companyNames(app, ids) {
  const names = {};
  const wanted = ids.filter((id, i) => id && ids.indexOf(id) === i);
  if (wanted.length === 0) return names;
  app.findRecordsByIds("companies", wanted).forEach((c) => (names[c.id] = c.getString("name")));
  return names;
}

function usersByIds(app, ids) {
  return ids.length === 0 ? [] : app.findRecordsByIds("users", ids);
}

/** Today's closing instant (ms), or null when no closing time is set. */
function closingOf(app, day) {
  const match = settings.CLOSING_TIME.exec(settings.closingTime(app));
  return match ? clock.venueInstant(day, Number(match[1]), Number(match[2])) : null;
}

/**
 * Opted-in people inside now: their last admitted front-door scan of the venue day is `in`.
 * After today's closing time nobody is here (the door's cron checks everyone out then, and this
 * answer does not wait for its minute). `since` is when they came in.
 */
function hereNow(app, nowMs) {
  const today = clock.dayOf(nowMs);
  const closing = closingOf(app, today);
  if (closing !== null && nowMs >= closing) return { people: [] };
  const checkins = app.findRecordsByFilter(
    "checkins",
    "verdict = 'admitted' && event = '' && holder != '' && scanned_at >= {:from} && scanned_at <= {:to}",
    "scanned_at,created",
    0,
    0,
    { from: clock.toStored(clock.dayStart(today)), to: clock.toStored(nowMs) },
  );
  const last = {};
  checkins.forEach((c) => (last[c.getString("holder")] = c));
  const inside = Object.keys(last).filter((holder) => last[holder].getString("direction") === "in");
  const shown = usersByIds(app, inside).filter((u) => u.getBool("show_presence"));
  const companies = companyNames(
    app,
    shown.map((u) => u.getString("company")),
  );
  const people = shown.map((u) => ({
    name: u.getString("name"),
    company: companies[u.getString("company")] || "",
    since: clock.toStored(clock.parseInstant(last[u.id].getString("scanned_at"))),
  }));
  people.sort((a, b) => (a.company === b.company ? (a.name < b.name ? -1 : 1) : a.company < b.company ? -1 : 1));
  return { people: people };
}

function personOf(user, companies) {
  return {
    id: user.id,
    name: user.getString("name"),
    headline: user.getString("headline"),
    company: companies[user.getString("company")] || "",
  };
}

/** The member directory's people: members and hosts who chose to be listed, with a name. */
function directoryPeople(app) {
  const listed = app.findRecordsByFilter("users", "listed = true && name != '' && (role = 'member' || role = 'host')", "name", 0, 0);
  const companies = companyNames(
    app,
    listed.map((u) => u.getString("company")),
  );
  return {
    people: listed.map((u) => {
      const person = personOf(u, companies);
      person.company_id = u.getString("company");
      return person;
    }),
  };
}

/**
 * "Who was here" at an event: {status, answer}. Only for hosts and people admitted at its door,
 * from its end until 14 days after; the admitted people who are listed.
 */
function whoWasHere(app, eventId, asker, asHost, nowMs) {
  let event;
  try {
    event = app.findRecordById("events", eventId);
  } catch (_) {
    return { status: 404, message: "No such event." };
  }
  const admitted = app.findRecordsByFilter(
    "checkins",
    "event = {:event} && verdict = 'admitted' && direction = 'in' && holder != ''",
    "scanned_at",
    0,
    0,
    {
      event: eventId,
    },
  );
  const holders = [];
  admitted.forEach((c) => {
    if (holders.indexOf(c.getString("holder")) < 0) holders.push(c.getString("holder"));
  });
  if (!asHost && (!asker || holders.indexOf(asker) < 0)) {
    return { status: 403, message: "Only the people who were admitted at this event (and hosts) see who was here." };
  }
  const ends = clock.parseInstant(event.getString("ends"));
  if (event.getString("status") !== "published" || !(nowMs >= ends)) return { status: 404, message: "The event has not ended yet." };
  const until = ends + WHO_WAS_HERE_DAYS * DAY_MS;
  if (nowMs >= until) return { status: 404, message: "Who was here is shown for 14 days after the event; that time is over." };
  const listed = usersByIds(app, holders).filter((u) => u.getBool("listed") && u.getString("name"));
  const companies = companyNames(
    app,
    listed.map((u) => u.getString("company")),
  );
  const people = listed.map((u) => personOf(u, companies));
  people.sort((a, b) => (a.name < b.name ? -1 : 1));
  return { status: 200, answer: { people: people, until: clock.toStored(until) } };
}

/**
 * Tells members' and hosts' open /community pages that "here today" changed (no data with it).
 * Given the `holders` of check-ins (an id or a list), only when one of them shows on "here
 * today": a door scan of anyone else changes nothing there. Costs nothing while no page listens.
 */
function signalHere(app, holders) {
  if (someoneFollows(app)) tell(app, holders);
}

/**
 * signalHere once someone follows. It saves the signal record, and PocketBase sends its
 * realtime event to each open stream that follows it and may read it (members and hosts, by
 * the collection's rule and the role stored now), each from a goroutine of its own. A hook's
 * own `client.send` waited until that client's stream took the message: one page whose
 * connection stopped reading held the scan that told it, and every later one
 * (`community.spec.ts`, "a page that stopped reading").
 */
function tell(app, holders) {
  if (holders !== undefined && ![].concat(holders).some((holder) => showsPresence(app, holder))) return;
  try {
    app.saveNoValidate(signalRecord(app)); // a new `updated` is the change
  } catch (err) {
    // what was stored stays stored and its answer stands: open pages still ask again when they
    // reconnect or come back into view
    app.logger().warn("Could not tell open pages that 'here today' changed", "error", String(err));
  }
}

function signalRecord(app) {
  try {
    return app.findRecordById(HERE_SIGNALS, HERE_SIGNAL_ID);
  } catch (_) {
    // an operator deleted it in the admin UI: made again
    const signal = new Record(app.findCachedCollectionByNameOrId(HERE_SIGNALS));
    signal.set("id", HERE_SIGNAL_ID);
    return signal;
  }
}

/**
 * After check-ins were stored and committed: one message when any is an admitted front-door
 * scan (in or out) of someone shown on "here today". The door's routes and the closing time
 * call it once per request, not a record hook once per check-in: a hook in goja cost every
 * stored check-in a JavaScript VM, an upload of 500 too (docs/DECISIONS.md, the door routes).
 * Check-ins an operator makes in the admin UI send none.
 */
function signalCheckins(app, records) {
  if (records.length === 0 || !someoneFollows(app)) return; // the common case, nobody: asked first
  const holders = {};
  records.forEach((record) => {
    if (record && record.getString("event") === "" && record.getString("verdict") === "admitted" && record.getString("holder")) {
      holders[record.getString("holder")] = true;
    }
  });
  const list = Object.keys(holders);
  if (list.length > 0) tell(app, list);
}

// The ids of realtime clients that subscribed to "here today", kept in the app store by the
// subscribe hook (community.pb.js): asking every open stream at each scan cost a scan route a
// quarter of its throughput with 150 phones holding the programme open (bench "streams").
const LISTENERS_KEY = "coffice:here:listeners";

/** Whether a realtime topic is "here today" (the record, all of them, with options or not). */
function isHereTopic(topic) {
  return topic.indexOf(HERE_SIGNALS + "/") === 0;
}

function followsHere(client) {
  return Object.keys(client.subscriptions(HERE_SIGNALS + "/")).length > 0;
}

/** After a realtime subscription: remembers the client when it now follows "here today". */
function rememberListener(app, client) {
  if (!followsHere(client)) return;
  const id = client.id();
  app.store().setFunc(LISTENERS_KEY, (old) => {
    const ids = old ? JSON.parse(old) : [];
    if (ids.indexOf(id) < 0) ids.push(id);
    return JSON.stringify(ids);
  });
}

/** Whether a realtime client follows "here today" now; forgets those that left or stopped. */
function someoneFollows(app) {
  const raw = app.store().get(LISTENERS_KEY);
  if (!raw) return false;
  const broker = app.subscriptionsBroker();
  const following = (id) => {
    try {
      return followsHere(broker.clientById(id));
    } catch (_) {
      return false; // the stream is closed
    }
  };
  const ids = JSON.parse(raw);
  const gone = ids.filter((id) => !following(id));
  if (gone.length > 0) {
    // one that subscribed again meanwhile stays
    app
      .store()
      .setFunc(LISTENERS_KEY, (old) => JSON.stringify((old ? JSON.parse(old) : []).filter((id) => gone.indexOf(id) < 0 || following(id))));
  }
  return ids.length > gone.length;
}

function showsPresence(app, id) {
  try {
    return app.findRecordById("users", id).getBool("show_presence");
  } catch (_) {
    return false;
  }
}

module.exports = {
  hereNow,
  directoryPeople,
  whoWasHere,
  signalHere,
  signalCheckins,
  rememberListener,
  isMemberOrHost,
  isHereTopic,
  WHO_WAS_HERE_DAYS,
};
