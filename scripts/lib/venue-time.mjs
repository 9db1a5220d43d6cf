// Local venue time (Europe/Stockholm, with summer time) to UTC, for scripts.
const ZONE = 'Europe/Stockholm';

/** @param {Date} date @returns {number} minutes the venue is ahead of UTC at that instant */
export function venueOffsetMinutes(date) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(date);
  /** @param {string} type */
  const get = (type) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - date.getTime()) / 60000);
}

/**
 * The instant when the venue's clock shows this local date and time.
 * @param {{ year: number, month: number, day: number }} date month 1–12
 * @param {number} hour
 * @param {number} minute
 */
export function venueTimeToUtc({ year, month, day }, hour, minute) {
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  let utc = naive - venueOffsetMinutes(new Date(naive)) * 60000;
  utc = naive - venueOffsetMinutes(new Date(utc)) * 60000;
  return new Date(utc);
}

/** @param {Date} instant @returns {{ year: number, month: number, day: number, weekday: number }} weekday 1 = Monday */
export function venueDate(instant) {
  const local = new Date(instant.getTime() + venueOffsetMinutes(instant) * 60000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    weekday: ((local.getUTCDay() + 6) % 7) + 1,
  };
}

/** @param {{ year: number, month: number, day: number }} date @param {number} days */
export function addDays({ year, month, day }, days) {
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: ((d.getUTCDay() + 6) % 7) + 1 };
}

/** PocketBase's stored form: `2026-11-28 08:00:00.000Z`. @param {Date} date */
export function toStored(date) {
  return date.toISOString().replace('T', ' ');
}
