// The device's offline runtime, started once by the root layout: IndexedDB, the outbox,
// the sync engine with its triggers, and realtime while online. The UI reads through
// state/*.svelte.ts and writes through services; it never reaches in here directly.
import { pb, signedInUser } from '$lib/pocketbase/client';
import { openCofficeDb, writeMeta, type CofficeDb } from './db';
import { addToOutbox, indexedDbOutbox, type LocalWrite, type OutboxEntry, type OutboxOp } from './outbox';
import { eventsPuller, registrationsPuller, type ProgrammeAnswer } from './schedule-cache';
import { passesPuller } from './passes-cache';
import { followServerChanges } from './realtime';
import { SyncEngine, type Puller, type Transport } from './sync';
import { coalesced } from './coalesce';

const isHost = () => signedInUser()?.role === 'host';
const doorCache = () => import('./door-list-cache');

/** Hosts' devices keep today's door list; the code for it loads only on theirs. */
function doorListPuller(db: CofficeDb): Puller {
  return {
    name: 'door-list',
    async pull() {
      if (isHost()) await (await doorCache()).refreshDoorList(pb, db);
    },
  };
}

export interface OfflineRuntime {
  db: CofficeDb;
  engine: SyncEngine;
  /** listeners told whenever data on the device changed */
  onLocalChange(listener: () => void): () => void;
  localChanged(): void;
  /** what the server refused for good, to show and to clear */
  failed(): Promise<OutboxEntry[]>;
  /**
   * Listens to the programme as the server answered it, before the device has stored it
   * (`null`: all stored now, read the device). Told the answer being stored at once. One
   * listener (the schedule's state); a second one replaces it.
   */
  onProgrammeFetched(listener: (answer: ProgrammeAnswer | null) => void): void;
  /** changes whenever the device's events changed (a sync of other data leaves it) */
  programmeVersion(): number;
}

export interface EnqueueOptions {
  /** tell the screens and start the upload after this long (the door: after the verdict is painted) */
  afterMs?: number;
}

/**
 * The only way into the outbox (like Workbox's `Queue.pushRequest`): writes the local change
 * (`local`, in the stores it names) and the entry in one IndexedDB transaction, then tells
 * the screens and schedules the sync. Durable when it resolves.
 */
export async function enqueue(op: OutboxOp, local?: LocalWrite, options: EnqueueOptions = {}): Promise<void> {
  const runtime = await offline();
  await addToOutbox(runtime.db, op, local);
  const after = () => {
    runtime.localChanged();
    void runtime.engine.refreshCounts();
    void runtime.engine.sync();
  };
  if (options.afterMs === undefined) after();
  else setTimeout(after, options.afterMs);
}

let runtime: Promise<OfflineRuntime> | null = null;

const following = new WeakSet<() => Promise<void>>();

/** Calls `reload` now, in the browser, and again whenever data on the device changed (once per `reload`). */
export function followDeviceData(reload: () => Promise<void>): void {
  if (typeof window === 'undefined' || following.has(reload)) return;
  following.add(reload);
  void offline().then((runtime) => {
    runtime.onLocalChange(() => void reload());
    return reload();
  });
}

/** The runtime, created on first use (in the browser only). */
export function offline(): Promise<OfflineRuntime> {
  runtime ??= create();
  return runtime;
}

/**
 * The outbox's sender, loaded when there is something to send: the guest screens' first paint
 * carries none of it (budget, DECISIONS "Weight"). A load that fails (offline before the
 * service worker holds the chunk) is a retry, so every entry stays queued.
 */
function lazyTransport(db: CofficeDb): Transport {
  let loaded: Transport | undefined;
  return {
    send: (entries) =>
      import('./pocketbase-transport').then(
        (module) => (loaded ??= module.pocketbaseTransport(pb, db)).send(entries),
        (error) => entries.map(() => ({ outcome: 'retry' as const, reason: String(error) })),
      ),
  };
}

async function create(): Promise<OfflineRuntime> {
  const db = await openCofficeDb();
  const outbox = indexedDbOutbox(db);
  let programmeListener: ((answer: ProgrammeAnswer | null) => void) | undefined;
  let beingStored: ProgrammeAnswer | null = null;
  // bumped whenever the device's events change: screens re-read them only then
  let programmeVersion = 0;
  const events = eventsPuller(pb, db, (answer) => {
    programmeVersion += 1;
    beingStored = answer;
    programmeListener?.(answer);
  });
  const engine = new SyncEngine({
    outbox,
    transport: lazyTransport(db),
    pullers: [events, registrationsPuller(pb, db), passesPuller(pb, db), doorListPuller(db)],
  });
  const listeners = new Set<() => void>();
  const localChanged = () => listeners.forEach((listener) => listener());

  engine.on('sent', localChanged);
  engine.on('pulled', localChanged);
  engine.on('refused', async ({ entry, reason }) => {
    const op = entry.op;
    // scans and walk-ins are kept in the outbox and shown at the door, desk changes on /desks
    if (op.kind !== 'registration.create' && op.kind !== 'registration.cancel') return localChanged();
    const id = op.kind === 'registration.create' ? op.record.id : op.id;
    const local = await db.get('registrations', id);
    if (local) {
      const status = op.kind === 'registration.create' ? 'cancelled' : local.status;
      await db.put('registrations', { ...local, status, pendingChange: undefined, refusal: reason }); // the code, worded by the screens
    }
    localChanged();
  });

  // Who is signed in decides what the device may hold. The outbox is kept through every
  // change: the same person signing in again sends what waited for it. Door scans and
  // walk-ins are facts of the venue, sent by whichever host signs in next (anyone else is
  // answered 403 and they wait on); another person's registrations are dropped with the
  // rest of that person's data (the server would refuse them under this account).
  let userId = pb.authStore.record?.id ?? '';
  pb.authStore.onChange(async () => {
    const now = signedInUser()?.id ?? '';
    if (now === userId) {
      if (now && engine.status.needsSignIn) void engine.signedIn(); // the same person, a new token: send what waited
      return;
    }
    userId = now;
    if (now) await outbox.drop((entry) => isAnothersRegistration(entry.op, now));
    // signed in: ask the browser to keep this device's data (passes, outbox) under storage pressure
    if (now) void navigator.storage?.persist?.().catch(() => false);
    const tx = db.transaction(['registrations', 'passes'], 'readwrite');
    await Promise.all([tx.objectStore('registrations').clear(), tx.objectStore('passes').clear(), tx.done]);
    await writeMeta(db, 'me:company', '');
    await (await doorCache()).wipeDoorData(db);
    await events.reset();
    localChanged();
    void (now ? engine.signedIn() : engine.sync());
  });

  // one door-list refresh at a time; check-ins seen meanwhile make it run once more
  const refreshDoorList = coalesced(async () => {
    await (await doorCache()).refreshDoorList(pb, db).catch(() => undefined); // offline: the next sync catches up
    localChanged();
  });

  engine.start(window);
  let stopRealtime: (() => Promise<void>) | null = null;
  const connect = async () => {
    if (stopRealtime || !navigator.onLine) return;
    const resync = () => void engine.sync();
    stopRealtime = await followServerChanges(pb, db, {
      onChange: localChanged,
      onProgramme: () => (programmeVersion += 1),
      resync,
      // a check-in anywhere (another door, a self check-in): a host's device refreshes the
      // door list alone, not a whole sync (a busy door sees one every few seconds); anyone
      // else sees only their own check-ins, rarely, and catches up in full
      onCheckin: () => (isHost() ? void refreshDoorList() : resync()),
    }).catch(() => null);
  };
  window.addEventListener('online', () => void connect());
  // realtime after the first sync: the first screen does not wait behind a held-open stream
  const offFirst = engine.on('status', (status) => {
    if (status.syncing) return;
    offFirst();
    void connect();
  });

  return {
    db,
    engine,
    localChanged,
    failed: () => outbox.failed(),
    onLocalChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    programmeVersion: () => programmeVersion,
    onProgrammeFetched(listener) {
      programmeListener = listener;
      if (beingStored) listener(beingStored);
    },
  };
}

/** Another person's registration or desk change (a cancel queued before `user` was recorded is kept). */
function isAnothersRegistration(op: OutboxOp, user: string): boolean {
  if ('record' in op) return op.record.user !== user;
  return 'user' in op && op.user !== undefined && op.user !== user;
}
