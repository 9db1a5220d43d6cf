import { describe, expect, it } from 'vitest';
import { fromVenueInputValue, toVenueInputValue, venueInstant, venueWallClock } from './venue-clock';

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
    const instant = venueInstant({ year: 2026, month: 12, day: 3, hour: 7, minute: 45 });
    expect(toVenueInputValue(instant)).toBe('2026-12-03T07:45');
  });

  it.each(['', '2027-02-30T10:00', '2027-13-01T10:00', '2027-01-01T24:00', 'tomorrow'])('refuses %j', (value) => {
    expect(fromVenueInputValue(value)).toBeNull();
  });
});
