// The door's decision as PocketBase runs it (pb_hooks/lib/vendor/verdict.js, bundled from
// src/lib/door/verdict.ts) against the table of cases and the browser's module, each given
// its own build of the one venue clock's dayOf (src/lib/time/venue-clock.ts, bundled as
// pb_hooks/lib/vendor/venue-clock.js; venue-clock.spec.ts checks it against the tz database).
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import table from '../fixtures/verdict-cases.json';
import { dayOf, fromStored } from '../../src/lib/time/venue-clock';
import { decide as browserDecide, type Door, type DoorEvent, type DoorPass, type KnownScan } from '../../src/lib/door/verdict';

const require = createRequire(import.meta.url);
const { decide } = require('../../pb_hooks/lib/vendor/verdict.js');
const clock = require('../../pb_hooks/lib/vendor/venue-clock.js');

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
      at: fromStored(c.at),
    };
    const decision = decide(input, dayOf);
    const { first_scan, ...rest } = c.expect as typeof c.expect & { first_scan?: { at: string; device: string } };
    expect({ verdict: decision.verdict, direction: decision.direction }).toEqual(rest);
    expect(decision.firstScan).toEqual(first_scan);
    // and with the server's build of the clock
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
            const scans = table.cases.flatMap((c) => c.scans as KnownScan[]).filter((s) => fromStored(s.at).getTime() < at);
            const input = {
              code,
              pass: passes[code],
              events: table.events as DoorEvent[],
              scans,
              door: doorOf(door),
              direction,
              at: new Date(at),
            };
            expect(decide(input, clock.dayOf)).toEqual(browserDecide(input, dayOf));
            compared++;
          }
        }
      }
    }
    expect(compared).toBe(Object.keys(passes).length * doors.length * 2 * times.length);
  });
});
