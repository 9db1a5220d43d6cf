// The device's offline runtime, started once by the root layout: IndexedDB, the outbox,
// the sync engine with its triggers, and realtime while online. The UI reads through
// state/*.svelte.ts and writes through services; it never reaches in here directly.
import { pb, signedInUser } from '$lib/pocketbase/client';
import { openCofficeDb, writeMeta, type CofficeDb } from './db';
import { indexedDbOutbox } from './outbox';
import { pocketbaseTransport } from './pocketbase-transport';
import { followServerChanges } from './realtime';
import { eventsPuller, registrationsPuller } from './schedule-cache';
import { passesPuller } from './passes-cache';
import { SyncEngine, type Puller } from './sync';
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

async function create(): Promise<OfflineRuntime> {
  const db = await openCofficeDb();
  const outbox = indexedDbOutbox(db);
  const events = eventsPuller(pb, db);
  const engine = new SyncEngine({
    outbox,
    transport: pocketbaseTransport(pb, db),
    pullers: [events, registrationsPuller(pb, db), passesPuller(pb, db), doorListPuller(db)],
  });
  const listeners = new Set<() => void>();
  const localChanged = () => listeners.forEach((listener) => listener());

  engine.on('sent', localChanged);
  engine.on('pulled', localChanged);
  engine.on('refused', async ({ entry, reason }) => {
    const op = entry.op;
    if (op.kind === 'scan' || op.kind === 'walk-in') return localChanged(); // kept in the outbox, shown at the door
    const id = op.kind === 'registration.create' ? op.record.id : op.id;
    const local = await db.get('registrations', id);
    if (local) {
      const status = op.kind === 'registration.create' ? 'cancelled' : local.status;
      await db.put('registrations', { ...local, status, pendingChange: undefined, refusal: reason }); // the code, worded by the screens
    }
    localChanged();
  });

  // Who is signed in decides what the device may hold.
  let userId = pb.authStore.record?.id ?? '';
  pb.authStore.onChange(async () => {
    const now = signedInUser()?.id ?? '';
    if (now === userId) return;
    userId = now;
    // signed in: ask the browser to keep this device's data (passes, outbox) under storage pressure
    if (now) void navigator.storage?.persist?.().catch(() => false);
    const tx = db.transaction(['registrations', 'passes'], 'readwrite');
    await Promise.all([tx.objectStore('registrations').clear(), tx.objectStore('passes').clear(), tx.done]);
    await writeMeta(db, 'me:company', '');
    await (await doorCache()).wipeDoorData(db);
    await events.reset();
    localChanged();
    void engine.sync();
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
    onLocalChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
