// The door's decision as PocketBase runs it (pb_hooks/lib/vendor/verdict.js, bundled from
// src/lib/door/verdict.ts) against the table of cases and the browser's module, and the
// server's venue clock (pb_hooks/lib/door-clock.js on the app's EU summer-time rule) against
// the tz database.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import table from '../fixtures/verdict-cases.json';
import { venueDayKey } from '../../src/lib/time/venue-time';
import { decide as browserDecide, type Door, type DoorEvent, type DoorPass, type KnownScan } from '../../src/lib/door/verdict';

const require = createRequire(import.meta.url);
const { decide } = require('../../pb_hooks/lib/vendor/verdict.js');
// hooks require each other by `${__hooks}/lib/…`, as PocketBase has them do
Object.assign(globalThis, { __hooks: fileURLToPath(new URL('../../pb_hooks', import.meta.url)) });
const clock = require('../../pb_hooks/lib/door-clock.js');

const passes = table.passes as Record<string, DoorPass>;
const doorOf = (name: string): Door => (name === 'front' ? { kind: 'front' } : { kind: 'event', event: name.slice('event:'.length) });

describe('the server decides like the door', () => {
  it.each(table.cases)('$name', (c) => {
    const input = {
      code: c.code,
      pass: passes[c.code],
      events: table.events as DoorEvent[],
      scans: c.scans as KnownScan[],
      door: doorOf(c.door),
      direction: c.direction as 'in' | 'out',
      at: new Date(c.at.replace(' ', 'T')),
    };
    const decision = decide(input, venueDayKey);
    const { first_scan, ...rest } = c.expect as typeof c.expect & { first_scan?: { at: string; device: string } };
    expect({ verdict: decision.verdict, direction: decision.direction }).toEqual(rest);
    expect(decision.firstScan).toEqual(first_scan);
    // and with the server's own clock instead of Intl
    expect(decide(input, clock.dayOf)).toEqual(decision);
  });

  it('agrees with the browser module on every pass, door and direction of the table at many times', () => {
    const doors = ['front', ...table.events.map((e) => `event:${e.id}`)];
    const times = Array.from({ length: 97 }, (_, i) => Date.UTC(2026, 10, 29, 12) + i * 45 * 60_000);
    let compared = 0;
    for (const code of Object.keys(passes)) {
      for (const door of doors) {
        for (const direction of ['in', 'out'] as const) {
          for (const at of times) {
            // earlier scans of this pass drawn from the table's cases, so repeats, exits and re-entries occur
            const scans = table.cases.flatMap((c) => c.scans as KnownScan[]).filter((s) => Date.parse(s.at.replace(' ', 'T')) < at);
            const input = { code, pass: passes[code], events: table.events as DoorEvent[], scans, door: doorOf(door), direction, at: new Date(at) };
            expect(decide(input, clock.dayOf)).toEqual(browserDecide(input, venueDayKey));
            compared++;
          }
        }
      }
    }
    expect(compared).toBe(Object.keys(passes).length * doors.length * 2 * times.length);
  });
});

describe('the venue clock on the server', () => {
  // every 10 minutes through the days around the March and October changes, 2025–2030
  const changeDays = [2025, 2026, 2027, 2028, 2029, 2030].flatMap((year) => {
    const lastSunday = (month: number) => {
      const last = new Date(Date.UTC(year, month, 0));
      return Date.UTC(year, month - 1, last.getUTCDate() - last.getUTCDay());
    };
    return [lastSunday(3), lastSunday(10)];
  });

  it('gives the Stockholm calendar day the tz database gives, across every summer-time change', () => {
    let checked = 0;
    for (const day of changeDays) {
      for (let t = day - 36 * 3600_000; t < day + 36 * 3600_000; t += 10 * 60_000) {
        expect(clock.venueDay(t), new Date(t).toISOString()).toBe(venueDayKey(new Date(t)));
        checked++;
      }
    }
    expect(checked).toBe(changeDays.length * 432);
  });

  it('finds the instant of a venue wall-clock time, including on the change days', () => {
    const wall = (t: number) =>
      new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' }).format(new Date(t));
    for (const day of changeDays) {
      const key = venueDayKey(new Date(day + 12 * 3600_000));
      for (const [h, m] of [[0, 0], [1, 30], [3, 0], [12, 0], [22, 0], [23, 59]]) {
        const instant = clock.venueInstant(key, h, m);
        expect(venueDayKey(new Date(instant))).toBe(key);
        expect(wall(instant)).toBe(`${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
      }
      // the midnight that starts the day, and the day before it is yesterday
      expect(venueDayKey(new Date(clock.dayStart(key) - 1))).toBe(clock.addDays(key, -1));
    }
  });

  it('reads only well-formed dates', () => {
    expect(clock.parseTime('2026-11-30 07:10:00.000Z')).toBe(Date.UTC(2026, 10, 30, 7, 10));
    expect(clock.parseTime('2026-11-30T08:10:00+01:00')).toBe(Date.UTC(2026, 10, 30, 7, 10));
    for (const bad of ['', 'yesterday', '2026-11-30', '30/11/2026 07:10', 42, null, '2026-13-45 99:99:00Z']) {
      expect(clock.parseTime(bad)).toBeNaN();
    }
  });
});
