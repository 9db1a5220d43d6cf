// The door's decision for one scan, mirrored line by line from src/lib/door/verdict.ts so
// the server decides exactly as the door screen does (docs/DOOR.md). Plain ES5 CommonJS:
// it runs inside PocketBase's goja and in Node, where tests/integration/verdict-mirror.spec.ts
// runs it against the shared table tests/fixtures/verdict-cases.json.
// Pure: no $app, no Intl; the venue day comes in as `dayOf` (lib/door-clock.js on the server).

var PASS_CODE = /^CF1:[A-Z2-7]{26}$/;
var EARLY_MS = 60 * 60000;

function isPassCode(text) {
  return typeof text === "string" && PASS_CODE.test(text);
}

function time(iso) {
  return Date.parse(iso.indexOf("T") >= 0 ? iso : iso.replace(" ", "T"));
}

// Array.prototype.sort need not be stable in every engine: keep equal times in given order.
function byTime(scans) {
  var indexed = scans.map(function (s, i) {
    return { s: s, i: i, t: time(s.at) };
  });
  indexed.sort(function (a, b) {
    return a.t - b.t || a.i - b.i;
  });
  return indexed.map(function (x) {
    return x.s;
  });
}

function last(list) {
  return list.length > 0 ? list[list.length - 1] : undefined;
}

function firstIn(scans) {
  for (var i = 0; i < scans.length; i++) {
    if (scans[i].direction === "in") return { at: scans[i].at, device: scans[i].device };
  }
  return undefined;
}

function findEvent(events, id) {
  for (var i = 0; i < events.length; i++) if (events[i].id === id) return events[i];
  return undefined;
}

/**
 * @param input {code, pass, events, scans, door: {kind: "front"} | {kind: "event", event}, direction, at: Date}
 * @param dayOf function (Date) -> "YYYY-MM-DD", the venue's calendar day
 * @returns {verdict, direction, firstScan?}
 */
function decide(input, dayOf) {
  var pass = input.pass;
  var door = input.door;
  var at = input.at;
  function refuse(verdict) {
    return { verdict: verdict, direction: input.direction };
  }
  if (!isPassCode(input.code)) return refuse("invalid");
  if (!pass) return refuse("unknown");
  if (pass.revoked) return refuse("revoked");

  var admitted = byTime(
    input.scans.filter(function (s) {
      return s.hash === pass.hash && s.verdict === "admitted";
    })
  );

  if (door.kind === "event") {
    if (pass.kind === "member" || pass.event !== door.event) return refuse("wrong_event");
    var event = findEvent(input.events, door.event);
    if (!event || event.status === "cancelled") return refuse("revoked");
    if (at.getTime() < time(event.starts) - EARLY_MS || at.getTime() > time(event.ends)) return refuse("outside_window");
    if (input.direction === "out") return { verdict: "admitted", direction: "out" };
    var here = admitted.filter(function (s) {
      return s.event === event.id;
    });
    var lastHere = last(here);
    if (lastHere && (!event.reentry || lastHere.direction === "in")) {
      return { verdict: "already_in", direction: "in", firstScan: firstIn(here) };
    }
    return { verdict: "admitted", direction: "in" };
  }

  // the front door
  var today = dayOf(at);
  if (pass.kind === "event") {
    var own = findEvent(input.events, pass.event);
    if (!own || own.status === "cancelled") return refuse(own ? "revoked" : "outside_window");
    if (dayOf(new Date(time(own.starts))) !== today) return refuse("outside_window");
  }
  if (input.direction === "out") return { verdict: "admitted", direction: "out" };
  var frontToday = admitted.filter(function (s) {
    return s.event === "" && dayOf(new Date(time(s.at))) === today;
  });
  var lastFront = last(frontToday);
  if (lastFront && lastFront.direction === "in") {
    if (pass.kind === "member") return { verdict: "admitted", direction: "out" };
    return { verdict: "already_in", direction: "in", firstScan: firstIn(frontToday) };
  }
  return { verdict: "admitted", direction: "in" };
}

module.exports = { decide: decide, isPassCode: isPassCode, PASS_CODE: PASS_CODE };
