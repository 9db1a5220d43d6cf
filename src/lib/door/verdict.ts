// The door's decision for one scan: pure, the same offline on the device and online on the
// server (PocketBase runs this very module, bundled as pb_hooks/lib/vendor/verdict.js by
// `npm run vendor`; tests/fixtures/verdict-cases.json tests both). The rules are written
// out in docs/DOOR.md.
import { isPassCode } from '$lib/passes/code';
import type { Verdict } from '$lib/pocketbase/types';
import { fromStored } from '$lib/time/venue-clock';

// the server's bundle of this module checks scanned text with the same test
export { isPassCode };

export type Direction = 'in' | 'out';

export interface DoorEvent {
  id: string;
  starts: string;
  ends: string;
  status: 'draft' | 'published' | 'cancelled';
  reentry: boolean;
}

export interface DoorPass {
  /** SHA-256 (hex) of the code */
  hash: string;
  kind: 'member' | 'event';
  /** the event of an event pass */
  event: string;
  revoked: boolean;
}

/** An admitted scan the door knows of: its own or another door's. */
export interface KnownScan {
  hash: string;
  /** '' at the front door */
  event: string;
  direction: Direction;
  at: string;
  /** `at` in ms, when the caller has it already (the server reads hundreds per upload) */
  atMs?: number;
  device: string;
  verdict: Verdict;
}

export type Door = { kind: 'front' } | { kind: 'event'; event: string };

export interface ScanInput {
  code: string;
  /** the door-list entry of the code, when there is one */
  pass: DoorPass | undefined;
  events: DoorEvent[];
  scans: KnownScan[];
  door: Door;
  direction: Direction;
  at: Date;
}

export interface Decision {
  verdict: Verdict;
  /** the direction recorded: the door's, `in` for every refusal and repeat at an in door */
  direction: Direction;
  firstScan?: { at: string; device: string };
}

const EARLY_MS = 60 * 60_000;
const time = (stored: string) => fromStored(stored).getTime();
const timeOf = (scan: KnownScan) => scan.atMs ?? time(scan.at);

/** @param dayOf the venue's calendar day (YYYY-MM-DD) of an instant */
export function decide(input: ScanInput, dayOf: (instant: Date) => string): Decision {
  const { pass, door, at } = input;
  const refuse = (verdict: Verdict): Decision => ({ verdict, direction: input.direction });
  if (!isPassCode(input.code)) return refuse('invalid');
  if (!pass) return refuse('unknown');
  if (pass.revoked) return refuse('revoked');

  const admitted = input.scans.filter((s) => s.hash === pass.hash && s.verdict === 'admitted').sort((a, b) => timeOf(a) - timeOf(b));
  const firstIn = (scans: KnownScan[]) => {
    const first = scans.find((s) => s.direction === 'in');
    return first ? { at: first.at, device: first.device } : undefined;
  };

  if (door.kind === 'event') {
    if (pass.kind === 'member' || pass.event !== door.event) return refuse('wrong_event');
    const event = input.events.find((e) => e.id === door.event);
    if (!event || event.status === 'cancelled') return refuse('revoked');
    if (at.getTime() < time(event.starts) - EARLY_MS || at.getTime() > time(event.ends)) return refuse('outside_window');
    if (input.direction === 'out') return { verdict: 'admitted', direction: 'out' };
    const here = admitted.filter((s) => s.event === event.id);
    const last = here.at(-1);
    if (last && (!event.reentry || last.direction === 'in')) {
      return { verdict: 'already_in', direction: 'in', firstScan: firstIn(here) };
    }
    return { verdict: 'admitted', direction: 'in' };
  }

  // the front door
  const today = dayOf(at);
  if (pass.kind === 'event') {
    const event = input.events.find((e) => e.id === pass.event);
    if (!event || event.status === 'cancelled') return refuse(event ? 'revoked' : 'outside_window');
    if (dayOf(new Date(time(event.starts))) !== today) return refuse('outside_window');
  }
  if (input.direction === 'out') return { verdict: 'admitted', direction: 'out' };
  const frontToday = admitted.filter((s) => s.event === '' && dayOf(new Date(timeOf(s))) === today);
  // inside since the last exit: a second scan, a minute or hours later, is a repeat and
  // never an exit — exits are explicit (the door's out mode, a member's own check-out)
  const stay = frontToday.slice(frontToday.map((s) => s.direction).lastIndexOf('out') + 1);
  if (stay.length > 0) return { verdict: 'already_in', direction: 'in', firstScan: firstIn(stay) };
  return { verdict: 'admitted', direction: 'in' };
}
