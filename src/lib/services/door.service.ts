// Scanning at the door: decide locally at once from the door list and this device's
// history, keep the scan durably in the outbox (before the verdict shows), and let the
// sync engine upload it. A code the door list does not know is asked of the server when
// online. Walk-ins and the live count go through here too.
import { decide, type Direction, type Door } from '$lib/door/verdict';
import { eventsTakenAt, openName, sha256Hex } from '$lib/door/door-list';
import { enqueue, offline } from '$lib/offline';
import { readMeta, writeMeta, type DeviceScan } from '$lib/offline/db';
import { newRecordId } from '$lib/offline/ids';
import type { OutboxOp, ScanFact } from '$lib/offline/outbox';
import { isPassCode } from '$lib/passes/code';
import { pb } from '$lib/pocketbase/client';
import { findPeople } from './people.service';
import type { PassRecord, Verdict } from '$lib/pocketbase/types';
import { doorState } from '$lib/state/door.svelte';
import { dayOf, toStored as stamp, venueInstant } from '$lib/time/venue-clock';

export interface ScanOutcome {
  id: string;
  verdict: Verdict;
  direction: Direction;
  firstScan?: { at: string; device: string; deviceName?: string };
  holderName?: string;
  /** the pass's own event, when known: for which event and time a refused pass is */
  event?: { title: string; starts: string; ends: string };
  /** decided by the server (the door list did not know the code) */
  askedServer: boolean;
}

interface ServerScan {
  verdict: Verdict;
  direction?: Direction;
  holder_name?: string;
  first_scan?: { at: string; device: string; device_name?: string };
  event_title?: string;
  event_starts?: string;
  event_ends?: string;
}

let device: Promise<string> | null = null;

/** This device's name in check-ins ("door-" + 6 characters), chosen once and kept. */
export function deviceName(): Promise<string> {
  device ??= (async () => {
    const { db } = await offline();
    let name = await readMeta<string>(db, 'door:device');
    if (!name) {
      name = `door-${newRecordId().slice(0, 6)}`;
      await writeMeta(db, 'door:device', name);
    }
    doorState.device = { id: name, name: (await readMeta<string>(db, 'door:device-label')) ?? '' };
    return name;
  })();
  return device;
}

/** Names this device ("Entrén"): kept here and told to the server, so every door shows it. */
export async function nameThisDevice(label: string): Promise<boolean> {
  const id = await deviceName();
  const name = label.trim().slice(0, 40);
  try {
    await pb.send('/api/coffice/door-device', { method: 'POST', body: { device: id, name }, requestKey: null });
  } catch {
    return false;
  }
  const { db } = await offline();
  await writeMeta(db, 'door:device-label', name);
  doorState.device = { id, name };
  return true;
}

/** Keeps a scan on the device: the door's own record of it, and the fact to upload when the door decided it. */
async function keep(deviceScan: DeviceScan | null, op: OutboxOp | null) {
  // upload after the verdict is on screen, not in competition with painting it
  if (op)
    await enqueue(op, deviceScan ? { stores: ['doorScans'], write: (tx) => tx.objectStore('doorScans').put(deviceScan) } : undefined, {
      afterMs: 100,
    });
  else if (deviceScan) await (await offline()).db.put('doorScans', deviceScan);
  if (deviceScan) doorState.remember(deviceScan);
}

export async function scanAtDoor(code: string, door: Door, direction: Direction): Promise<ScanOutcome> {
  const at = new Date();
  const id = newRecordId();
  const device = await deviceName();
  const event = door.kind === 'event' ? door.event : '';
  if (!isPassCode(code)) return { id, verdict: 'invalid', direction, askedServer: false };

  const hash = await sha256Hex(code);
  const pass = doorState.pass(hash);
  if (!pass && navigator.onLine) {
    try {
      const answer = await pb.send<ServerScan>('/api/coffice/scan', {
        method: 'POST',
        body: { code, event: event || undefined, direction, id, scanned_at: stamp(at), device },
        requestKey: null,
      });
      const decided = answer.direction ?? direction;
      const scan: DeviceScan = { id, hash, event, direction: decided, at: stamp(at), device, verdict: answer.verdict };
      await keep(answer.verdict === 'admitted' ? scan : null, null);
      const firstScan = answer.first_scan && {
        at: answer.first_scan.at,
        device: answer.first_scan.device,
        deviceName: answer.first_scan.device_name,
      };
      const ofPass =
        answer.event_title && answer.event_starts && answer.event_ends
          ? { title: answer.event_title, starts: answer.event_starts, ends: answer.event_ends }
          : undefined;
      return {
        id,
        verdict: answer.verdict,
        direction: decided,
        firstScan,
        holderName: answer.holder_name,
        event: ofPass,
        askedServer: true,
      };
    } catch {
      // no answer: decide from what the door knows (unknown), and upload the fact later
    }
  }

  const decision = decide({ code, pass, events: doorState.events, scans: doorState.knownScans, door, direction, at }, dayOf);
  const fact: ScanFact = { id, code, event, direction: decision.direction, scanned_at: stamp(at), device, verdict: decision.verdict };
  const deviceScan: DeviceScan | null =
    decision.verdict === 'admitted'
      ? { id, hash, event, direction: decision.direction, at: fact.scanned_at, device, verdict: 'admitted' }
      : null;
  const [, holderName] = await Promise.all([
    keep(deviceScan, { kind: 'scan', scan: fact }),
    pass ? openName(pass.name, code) : Promise.resolve(undefined),
  ]);
  const ofPass = pass?.event ? doorState.events.find((e) => e.id === pass.event) : undefined;
  return {
    id,
    verdict: decision.verdict,
    direction: decision.direction,
    firstScan: decision.firstScan,
    holderName,
    event: ofPass,
    askedServer: false,
  };
}

/** Someone without a pass, admitted at once and registered for the event when there is one. */
export async function admitWalkIn(name: string, email: string, door: Door): Promise<ScanOutcome> {
  const at = new Date();
  const id = newRecordId();
  const device = await deviceName();
  const walkIn = {
    id,
    name: name.trim(),
    email: email.trim(),
    event: door.kind === 'event' ? door.event : '',
    scanned_at: stamp(at),
    device,
  };
  await enqueue({ kind: 'walk-in', walkIn });
  return { id, verdict: 'admitted', direction: 'in', holderName: walkIn.name, askedServer: false };
}

export interface InsideNow {
  front: number;
  events: Record<string, number>;
  /** everyone let in at an event's door today: still true once it has ended */
  came?: Record<string, number>;
}

export async function insideNow(): Promise<InsideNow | null> {
  try {
    return await pb.send<InsideNow>('/api/coffice/inside', { method: 'GET', requestKey: null });
  } catch {
    return null;
  }
}

export interface PersonAtDoor {
  id: string;
  name: string;
  /** only the passes this door can take now: its event's, or at the front door member passes and today's events' */
  passes: { code: string; kind: 'member' | 'event'; event?: { title: string; starts: string } }[];
}

/**
 * For someone whose phone is dead: find them by name (online only — names never sit on the
 * device), with the passes that can be used at this door now, each with its event.
 */
export async function findPeopleAtDoor(query: string, door: Door): Promise<PersonAtDoor[] | null> {
  if (query.trim().length < 2) return [];
  const found = await findPeople(query);
  if (!found.ok) return null;
  const people = found.people.slice(0, 10);
  if (people.length === 0) return [];
  const events = eventsTakenAt(door, doorState.events, new Date(), dayOf);
  const forEvents = events.map((e) => pb.filter('registration.event = {:event}', { event: e.id }));
  const usable = door.kind === 'front' ? ['kind = "member"', ...forEvents] : forEvents;
  if (usable.length === 0) return people.map((u) => ({ id: u.id, name: u.name || u.email, passes: [] }));
  try {
    const holders = people.map((u) => pb.filter('holder = {:id}', { id: u.id })).join(' || ');
    const passes = await pb.collection('passes').getFullList<PassRecord & { expand?: { registration?: { event: string } } }>({
      filter: `revoked = false && (${holders}) && (${usable.join(' || ')})`,
      expand: 'registration',
      requestKey: null,
    });
    return people.map((u) => ({
      id: u.id,
      name: u.name || u.email,
      passes: passes
        .filter((p) => p.holder === u.id)
        .map((p) => ({ code: p.code, kind: p.kind, event: events.find((e) => e.id === p.expand?.registration?.event) }))
        .filter((p) => p.kind === 'member' || p.event),
    }));
  } catch {
    return null;
  }
}

/** The time (venue clock, "HH:MM") when everyone still inside is checked out. */
export async function closingTime(): Promise<string | null> {
  try {
    return (await pb.send<{ closing_time: string }>('/api/coffice/door-settings', { method: 'GET', requestKey: null })).closing_time;
  } catch {
    return null;
  }
}

export async function setClosingTime(value: string): Promise<boolean> {
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(value)) return false;
  try {
    await pb.send('/api/coffice/door-settings', { method: 'POST', body: { closing_time: value }, requestKey: null });
    return true;
  } catch {
    return false;
  }
}

/**
 * Who booked a desk in the open area today, by name (hosts; online only — like the name search,
 * names of desk days never sit on the door device). Null when the server could not be asked.
 */
export async function desksBookedToday(): Promise<string[] | null> {
  const today = dayOf(new Date());
  try {
    const bookings = await pb.collection('bookings').getFullList({
      filter: pb.filter("space.kind = 'open_area' && starts = {:starts}", { starts: stamp(venueInstant(today)) }),
      expand: 'user',
      fields: 'id,expand.user.name',
      sort: 'user.name',
      requestKey: null,
    });
    return bookings.map((b) => (b as { expand?: { user?: { name?: string } } }).expand?.user?.name ?? '').filter(Boolean);
  } catch {
    return null;
  }
}
