// The venue's clock (Europe/Stockholm) and PocketBase's date format: the one place both are
// written. It runs in the browser, in Node (scripts, tests) and inside PocketBase's goja
// (bundled as pb_hooks/lib/vendor/venue-clock.js by `npm run vendor`), so it uses no Intl —
// goja has none, and a static PocketBase binary may run where no tz database is installed.
// Sweden has followed the EU summer-time rule since 1996: CEST (UTC+2) from 01:00 UTC on the
// last Sunday of March to 01:00 UTC on the last Sunday of October, CET (UTC+1) otherwise. The
// VTIMEZONE that calendars receive states exactly this rule. venue-clock.spec.ts checks it
// against Intl; tests/integration/venue-clock-goja.spec.ts runs it in goja. Words for people
// (weekdays, months, "14:30" in their language) are Intl's, in venue-time.ts.

export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** An instant: a Date or epoch milliseconds. */
export type Instant = Date | number;

const ms = (at: Instant) => (typeof at === 'number' ? at : at.getTime());
const pad = (value: number, width = 2) => String(value).padStart(width, '0');
const ymd = (year: number, month: number, day: number) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

/** Whether a year, month (1–12) and day are on the calendar: 29 February 2028 is, 30 February never. */
function onCalendar(year: number, month: number, day: number): boolean {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return month >= 1 && month <= 12 && day >= 1 && day <= days;
}

/** The instant (ms) of 01:00 UTC on the last Sunday of a month (month 1–12). */
function lastSundayAtOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month, 0));
  return Date.UTC(year, month - 1, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/** Minutes the venue is ahead of UTC at an instant: 60 in winter, 120 in summer. */
export function venueOffsetMinutes(at: Instant): number {
  const epochMs = ms(at);
  const year = new Date(epochMs).getUTCFullYear();
  const summer = epochMs >= lastSundayAtOneUtc(year, 3) && epochMs < lastSundayAtOneUtc(year, 10);
  return summer ? 120 : 60;
}

/** What the venue's clock shows at an instant. */
export function venueWallClock(at: Instant): WallClock {
  const local = new Date(ms(at) + venueOffsetMinutes(at) * 60_000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

// Days remembered per UTC hour: the venue is a whole number of hours ahead of UTC, and its days
// and summer-time changes begin on a UTC hour, so every instant of one UTC hour has one venue
// day. The door's server asks the day of every stored scan it weighs (thousands an upload).
const daysOfHours = new Map<number, string>();

/** The venue's calendar day of an instant, `YYYY-MM-DD`. The door's `decide()` counts days with this, on both ends. */
export function dayOf(at: Instant): string {
  const hour = Math.floor(ms(at) / 36e5);
  let day = daysOfHours.get(hour);
  if (day === undefined) {
    if (daysOfHours.size >= 10_000) daysOfHours.clear();
    const c = venueWallClock(hour * 36e5);
    day = ymd(c.year, c.month, c.day);
    daysOfHours.set(hour, day);
  }
  return day;
}

/**
 * The instant (ms) when the venue's clock shows `hour`:`minute` on `day` (YYYY-MM-DD). A time
 * skipped in spring (02:00–02:59 on the last Sunday of March) resolves to one hour later; a
 * time shown twice in autumn resolves to the first (summer-time) showing.
 */
export function venueInstant(day: string, hour = 0, minute = 0): number {
  const [year, month, date] = day.split('-').map(Number);
  const naive = Date.UTC(year, month - 1, date, hour, minute);
  const summerGuess = naive - 120 * 60_000;
  return venueOffsetMinutes(summerGuess) === 120 ? summerGuess : naive - 60 * 60_000;
}

/** The day `days` after (or before) `day`, YYYY-MM-DD: calendar arithmetic, no clock. */
export function shiftDay(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number);
  const d = new Date(Date.UTC(year, month - 1, date + days));
  return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The first instant (ms) of a venue day: its midnight. */
export const dayStart = (day: string): number => venueInstant(day);

/** The first instant (ms) after a venue day: the next midnight (23, 24 or 25 hours after its start). */
export const dayEnd = (day: string): number => venueInstant(shiftDay(day, 1));

/** 1 = Monday … 7 = Sunday, of a day (YYYY-MM-DD). */
export function weekdayOf(day: string): number {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date)).getUTCDay() || 7;
}

/** PocketBase's stored form of an instant: `2026-11-28 08:00:00.000Z`. */
export const toStored = (at: Instant): string => new Date(ms(at)).toISOString().replace('T', ' ');

/** A stored (or ISO) date as a Date; an invalid Date when it is neither. */
export const fromStored = (value: string): Date => new Date(value.replace(' ', 'T'));

const TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * Reads a date sent to the server (stored or ISO form, with a zone); NaN when it is not one.
 * Every part must exist on the calendar and the clock: JavaScript's own parser would make
 * 30 February into 2 March.
 */
export function parseInstant(text: unknown): number {
  if (typeof text !== 'string' || text.length > 40) return NaN;
  const m = TIME.exec(text);
  if (!m) return NaN;
  // parts left out are NaN, which no comparison refuses; read one by one, not destructured:
  // on the server (goja) an array pattern walks an iterator and costs more than the rest
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6]);
  const zoneHour = Number(m[7]);
  const zoneMinute = Number(m[8]);
  if (!onCalendar(year, month, day) || hour > 23 || minute > 59 || second > 59 || zoneHour > 23 || zoneMinute > 59) return NaN;
  return fromStored(text).getTime();
}

/** `YYYY-MM-DDTHH:mm`, the value of an `<input type="datetime-local">`, in venue time. */
export function toVenueInputValue(at: Instant): string {
  const c = venueWallClock(at);
  return `${ymd(c.year, c.month, c.day)}T${pad(c.hour)}:${pad(c.minute)}`;
}

/** Reads `YYYY-MM-DDTHH:mm` as venue time; null when it is not such a value. */
export function fromVenueInputValue(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  if (!onCalendar(year, month, day) || hour > 23 || minute > 59) return null;
  return venueInstant(match[0].slice(0, 10), hour, minute);
}
