// The venue's clock (Europe/Stockholm) for the door, without Intl (goja has none) and
// without the host's tz database (a static PocketBase binary may run where it is missing):
// the EU summer-time rule, as in src/lib/time/venue-clock.ts (DECISIONS: "The venue clock
// is computed"). CEST (UTC+2) from 01:00 UTC on the last Sunday of March to 01:00 UTC on the
// last Sunday of October, CET (UTC+1) otherwise. Plain ES5 CommonJS so Node tests it too.

var MINUTE = 60000;
var DAY = 24 * 60 * MINUTE;

function lastSundayAtOneUtc(year, month) {
  var lastDay = new Date(Date.UTC(year, month, 0));
  return Date.UTC(year, month - 1, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/** Minutes the venue is ahead of UTC at an instant (ms): 60 in winter, 120 in summer. */
function venueOffsetMinutes(epochMs) {
  var year = new Date(epochMs).getUTCFullYear();
  var summer = epochMs >= lastSundayAtOneUtc(year, 3) && epochMs < lastSundayAtOneUtc(year, 10);
  return summer ? 120 : 60;
}

function pad(n) {
  return n < 10 ? "0" + n : String(n);
}

/** The venue's calendar day of an instant, `YYYY-MM-DD`. */
function venueDay(epochMs) {
  var local = new Date(epochMs + venueOffsetMinutes(epochMs) * MINUTE);
  return local.getUTCFullYear() + "-" + pad(local.getUTCMonth() + 1) + "-" + pad(local.getUTCDate());
}

/** For verdict.js: `dayOf(date)`. */
function dayOf(date) {
  return venueDay(date.getTime());
}

/**
 * The instant (ms) the venue's clock shows `day` (YYYY-MM-DD) at `hour`:`minute`. A time
 * skipped in spring resolves an hour later; one shown twice in autumn to its first showing.
 */
function venueInstant(day, hour, minute) {
  var parts = day.split("-");
  var naive = Date.UTC(Number(parts[0]), Number(parts[1]) - 1, Number(parts[2]), hour, minute);
  var summerGuess = naive - 120 * MINUTE;
  if (venueOffsetMinutes(summerGuess) === 120) return summerGuess;
  return naive - 60 * MINUTE;
}

/** The first instant of the venue day `day` (its midnight). */
function dayStart(day) {
  return venueInstant(day, 0, 0);
}

/** The day before/after `day`, as `YYYY-MM-DD` (calendar arithmetic, no clock involved). */
function addDays(day, days) {
  var parts = day.split("-");
  var d = new Date(Date.UTC(Number(parts[0]), Number(parts[1]) - 1, Number(parts[2])) + days * DAY);
  return d.getUTCFullYear() + "-" + pad(d.getUTCMonth() + 1) + "-" + pad(d.getUTCDate());
}

/** PocketBase's stored form of an instant: `2026-11-30 07:10:00.000Z`. */
function stored(epochMs) {
  return new Date(epochMs).toISOString().replace("T", " ");
}

/** Parses a stored or ISO date; NaN when it is not one. */
function parseTime(text) {
  if (typeof text !== "string" || text.length > 40) return NaN;
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return NaN;
  return Date.parse(text.replace(" ", "T"));
}

module.exports = {
  venueOffsetMinutes: venueOffsetMinutes,
  venueDay: venueDay,
  dayOf: dayOf,
  venueInstant: venueInstant,
  dayStart: dayStart,
  addDays: addDays,
  stored: stored,
  parseTime: parseTime,
};
