// The door's decisions, case by case — the same table the server's mirror must pass
// (tests/integration/verdict-mirror.spec.ts).
import { describe, expect, it } from 'vitest';
import table from '../../../tests/fixtures/verdict-cases.json';
import { dayOf, fromStored } from '$lib/time/venue-clock';
import { decide, type Door, type DoorEvent, type DoorPass, type KnownScan } from './verdict';

const passes = table.passes as Record<string, DoorPass>;

describe('the door decides', () => {
  it.each(table.cases)('$name', (c) => {
    const door: Door = c.door === 'front' ? { kind: 'front' } : { kind: 'event', event: c.door.slice('event:'.length) };
    const decision = decide(
      {
        code: c.code,
        pass: passes[c.code],
        events: table.events as DoorEvent[],
        scans: c.scans as KnownScan[],
        door,
        direction: c.direction as 'in' | 'out',
        at: fromStored(c.at),
      },
      dayOf,
    );
    const { first_scan, ...rest } = c.expect as typeof c.expect & { first_scan?: { at: string; device: string } };
    expect({ verdict: decision.verdict, direction: decision.direction }).toEqual(rest);
    expect(decision.firstScan).toEqual(first_scan);
  });
});
