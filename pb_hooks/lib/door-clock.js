// The venue's clock (Europe/Stockholm) for the door, without Intl (goja has none) and
// without the host's tz database (a static PocketBase binary may run where it is missing).
// The summer-time rule itself is the app's (src/lib/time/venue-clock.ts, bundled into
// vendor/venue-clock.js by `npm run vendor`; DECISIONS: "The venue clock is computed"); this
// file adds what the door's routes need on top: venue days and stored dates.
// Plain CommonJS so Node tests it too (with `__hooks` set).

var rule = require(`${__hooks}/lib/vendor/venue-clock.js`);

var DAY = 24 * 60 * 60000;

function pad(n) {
  return n < 10 ? "0" + n : String(n);
}

/** The venue's calendar day of an instant, `YYYY-MM-DD`. */
function venueDay(epochMs) {
  var c = rule.venueWallClock(epochMs);
  return c.year + "-" + pad(c.month) + "-" + pad(c.day);
}

/** For the door's decision (vendor/verdict.js): `dayOf(date)`. */
function dayOf(date) {
  return venueDay(date.getTime());
}

/**
 * The instant (ms) the venue's clock shows `day` (YYYY-MM-DD) at `hour`:`minute`. A time
 * skipped in spring resolves an hour later; one shown twice in autumn to its first showing.
 */
function venueInstant(day, hour, minute) {
  var parts = day.split("-");
  return rule.venueInstant({ year: Number(parts[0]), month: Number(parts[1]), day: Number(parts[2]), hour: hour, minute: minute });
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

var TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

var MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year, month) {
  var leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1];
}

/**
 * Parses a stored or ISO date; NaN when it is not one. Every part must exist on the calendar
 * and the clock: JavaScript's own parser would make 30 February into 2 March.
 */
function parseTime(text) {
  if (typeof text !== "string" || text.length > 40) return NaN;
  var m = TIME.exec(text);
  if (!m) return NaN;
  var year = Number(m[1]);
  var month = Number(m[2]);
  var day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || (m[6] !== undefined && Number(m[6]) > 59)) return NaN;
  if (m[7] !== undefined && (Number(m[7]) > 23 || Number(m[8]) > 59)) return NaN;
  return Date.parse(text.replace(" ", "T"));
}

module.exports = {
  venueDay: venueDay,
  dayOf: dayOf,
  venueInstant: venueInstant,
  dayStart: dayStart,
  addDays: addDays,
  stored: stored,
  parseTime: parseTime,
};
