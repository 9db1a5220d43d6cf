// The venue's wall clock (Europe/Stockholm) computed without Intl, so the same code runs
// in the browser and inside PocketBase's goja, which has no Intl. Sweden has followed the
// EU summer-time rule since 1996: CEST (UTC+2) from 01:00 UTC on the last Sunday of March
// to 01:00 UTC on the last Sunday of October, CET (UTC+1) otherwise. The VTIMEZONE that
// calendars receive states exactly this rule. venue-clock.spec.ts checks it against Intl.

export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The instant (ms) of 01:00 UTC on the last Sunday of a month (month 1–12). */
function lastSundayAtOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month, 0));
  return Date.UTC(year, month - 1, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/** Minutes the venue is ahead of UTC at an instant: 60 in winter, 120 in summer. */
export function venueOffsetMinutes(epochMs: number): number {
  const year = new Date(epochMs).getUTCFullYear();
  const summer = epochMs >= lastSundayAtOneUtc(year, 3) && epochMs < lastSundayAtOneUtc(year, 10);
  return summer ? 120 : 60;
}

/** What the venue's clock shows at an instant. */
export function venueWallClock(epochMs: number): WallClock {
  const local = new Date(epochMs + venueOffsetMinutes(epochMs) * 60_000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

/**
 * The instant when the venue's clock shows this time. A time skipped in spring
 * (02:00–02:59 on the last Sunday of March) resolves to one hour later; a time shown
 * twice in autumn resolves to the first (summer-time) occurrence.
 */
export function venueInstant(local: Omit<WallClock, 'second'> & { second?: number }): number {
  const naive = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second ?? 0);
  const summerGuess = naive - 120 * 60_000;
  if (venueOffsetMinutes(summerGuess) === 120) return summerGuess;
  return naive - 60 * 60_000;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** `YYYY-MM-DDTHH:mm`, the value of an `<input type="datetime-local">`, in venue time. */
export function toVenueInputValue(epochMs: number): string {
  const c = venueWallClock(epochMs);
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.minute)}`;
}

/** Reads `YYYY-MM-DDTHH:mm` as venue time; null when it is not such a value. */
export function fromVenueInputValue(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  return venueInstant({ year, month, day, hour, minute });
}
