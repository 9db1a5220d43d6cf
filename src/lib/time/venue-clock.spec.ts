import { describe, expect, it } from 'vitest';
import {
  dayEnd,
  dayOf,
  dayStart,
  fromStored,
  fromVenueInputValue,
  parseInstant,
  shiftDay,
  toStored,
  toVenueInputValue,
  venueInstant,
  venueWallClock,
  weekdayOf,
} from './venue-clock';

// the tables are shared with tests/integration/venue-clock-goja.spec.ts, which runs them in goja
import { CHANGE_DAYS_INSTANTS, DAY_TABLE, INSTANT_TEXTS, STORED_TABLE } from '../../../tests/fixtures/venue-clock-cases';

const tzDatabase = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Stockholm',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** The same wall clock as the tz database (Node's ICU) sees it. */
function intlWallClock(epochMs: number) {
  const parts = tzDatabase.formatToParts(new Date(epochMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}
const pad = (n: number) => String(n).padStart(2, '0');
const intlDay = (epochMs: number) => {
  const c = intlWallClock(epochMs);
  return `${c.year}-${pad(c.month)}-${pad(c.day)}`;
};

describe('venue clock', () => {
  it('agrees with the tz database every 59 minutes from 2020 to 2040', () => {
    const start = Date.UTC(2020, 0, 1);
    const end = Date.UTC(2040, 0, 1);
    let mismatches = 0;
    for (let t = start; t < end; t += 59 * 60_000) {
      const ours = venueWallClock(t);
      const theirs = intlWallClock(t);
      if (ours.hour !== theirs.hour || ours.day !== theirs.day || ours.minute !== theirs.minute) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it('gives the day the tz database gives every 17 minutes from 2024 to 2030, asked in any order (days are remembered per hour)', () => {
    const instants: number[] = [];
    for (let t = Date.UTC(2024, 0, 1) + 7; t < Date.UTC(2030, 0, 1); t += 17 * 60_000) instants.push(t);
    const order = [...instants.slice().reverse(), ...instants];
    const wrong = order.filter((t) => dayOf(t) !== intlDay(t));
    expect(wrong).toEqual([]);
  });

  it('gives the day the tz database gives every 10 minutes around each summer-time change, 2025–2030', () => {
    for (const t of CHANGE_DAYS_INSTANTS) expect(dayOf(t), new Date(t).toISOString()).toBe(intlDay(t));
    expect(CHANGE_DAYS_INSTANTS.length).toBe(12 * 432);
  });

  it.each([
    // the night summer time starts in 2027 (28 March): 01:00 UTC becomes 03:00
    ['2027-03-28T00:59:00Z', '2027-03-28T01:59'],
    ['2027-03-28T01:00:00Z', '2027-03-28T03:00'],
    // and ends (31 October): 01:00 UTC becomes 02:00 for the second time
    ['2027-10-31T00:59:00Z', '2027-10-31T02:59'],
    ['2027-10-31T01:00:00Z', '2027-10-31T02:00'],
  ])('%s is %s in Stockholm', (utc, local) => {
    expect(toVenueInputValue(Date.parse(utc))).toBe(local);
  });

  it.each([
    ['2027-03-27T18:00', '2027-03-27T17:00:00.000Z'],
    ['2027-03-29T18:00', '2027-03-29T16:00:00.000Z'],
    ['2027-01-15T08:30', '2027-01-15T07:30:00.000Z'],
    // skipped in spring: one hour later
    ['2027-03-28T02:30', '2027-03-28T01:30:00.000Z'],
    // shown twice in autumn: the first, summer-time one
    ['2027-10-31T02:30', '2027-10-31T00:30:00.000Z'],
  ])('venue time %s is %s', (local, utc) => {
    expect(new Date(fromVenueInputValue(local)!).toISOString()).toBe(utc);
  });

  it('round-trips an input value through the stored instant', () => {
    expect(toVenueInputValue(venueInstant('2026-12-03', 7, 45))).toBe('2026-12-03T07:45');
  });

  it.each(['', '2027-02-30T10:00', '2027-13-01T10:00', '2027-00-01T10:00', '2027-01-01T24:00', 'tomorrow'])('refuses %j', (value) => {
    expect(fromVenueInputValue(value)).toBeNull();
  });

  it('finds the instant of a venue wall-clock time on every change day, as the tz database would', () => {
    for (const day of new Set(CHANGE_DAYS_INSTANTS.map((t) => dayOf(t)))) {
      for (const [h, m] of [
        [0, 0],
        [1, 30],
        [3, 0],
        [12, 0],
        [22, 0],
        [23, 59],
      ]) {
        const instant = venueInstant(day, h, m);
        const c = intlWallClock(instant);
        expect([intlDay(instant), c.hour, c.minute], `${day} ${h}:${m}`).toEqual([day, h, m]);
      }
      // the midnight that starts the day, and the moment before it is yesterday
      expect(dayOf(dayStart(day) - 1)).toBe(shiftDay(day, -1));
      expect(dayOf(dayEnd(day))).toBe(shiftDay(day, 1));
    }
  });
});

describe('venue days', () => {
  it.each(DAY_TABLE.dayOf)('the instant %s is on %s in Stockholm', (iso, day) => {
    expect(dayOf(Date.parse(iso))).toBe(day);
    expect(dayOf(new Date(iso))).toBe(day);
  });

  it.each(DAY_TABLE.bounds)('%s runs from %s to %s (%i hours)', (day, start, end, hours) => {
    expect(new Date(dayStart(day)).toISOString()).toBe(start);
    expect(new Date(dayEnd(day)).toISOString()).toBe(end);
    expect((dayEnd(day) - dayStart(day)) / 3_600_000).toBe(hours);
  });

  it.each(DAY_TABLE.shift)('%s shifted by %i is %s', (day, days, shifted) => {
    expect(shiftDay(day, days)).toBe(shifted);
  });

  it.each(DAY_TABLE.weekday)('%s is weekday %i', (day, weekday) => {
    expect(weekdayOf(day)).toBe(weekday);
  });
});

describe('stored dates', () => {
  it.each(STORED_TABLE)('%s is stored as %s', (iso, stored) => {
    expect(toStored(new Date(iso))).toBe(stored);
    expect(toStored(Date.parse(iso))).toBe(stored);
    expect(fromStored(stored).toISOString()).toBe(iso);
    // an ISO date reads the same
    expect(fromStored(iso).toISOString()).toBe(iso);
  });

  it('reads nothing from text that is no date', () => {
    expect(fromStored('').getTime()).toBeNaN();
    expect(fromStored('soon').getTime()).toBeNaN();
  });

  it.each(INSTANT_TEXTS)('parseInstant(%j) is %s', (text, iso) => {
    if (iso === null) expect(parseInstant(text)).toBeNaN();
    else expect(new Date(parseInstant(text)).toISOString()).toBe(iso);
  });
});
