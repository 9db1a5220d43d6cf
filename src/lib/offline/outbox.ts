// The outbox: writes made on this device, kept durably in order until the server has
// them. Storage only — the sync engine (sync.ts) decides when and how to send. The only
// module that writes the outbox store (outbox-writers.spec.ts checks it).
import type { IDBPTransaction, StoreNames } from 'idb';
import type { CofficeDb, CofficeSchema } from './db';

/** A scan as uploaded through POST /api/coffice/sync (docs/DOOR.md). */
export interface ScanFact {
  id: string;
  code: string;
  event: string;
  direction: 'in' | 'out';
  scanned_at: string;
  device: string;
  verdict: string;
}

export interface WalkIn {
  id: string;
  name: string;
  email: string;
  event: string;
  scanned_at: string;
  device: string;
}

export type OutboxOp =
  | { kind: 'registration.create'; record: { id: string; event: string; user: string } }
  /** `user`: whose cancel it is (absent in entries queued before it was recorded) */
  | { kind: 'registration.cancel'; id: string; user?: string }
  | { kind: 'scan'; scan: ScanFact }
  | { kind: 'walk-in'; walkIn: WalkIn }
  /** a desk day (a booking of the open area, docs/DECISIONS.md "Desks by the day"); `day`: the venue day */
  | { kind: 'desk.book'; day: string; record: DeskDayBooking }
  | { kind: 'desk.cancel'; day: string; id: string; user: string };

/** The booking a desk day is sent as, with the id chosen on the device. */
export interface DeskDayBooking {
  id: string;
  space: string;
  user: string;
  starts: string;
  ends: string;
}

export interface OutboxEntry {
  /** FIFO order, assigned by the store */
  seq?: number;
  op: OutboxOp;
  queuedAt: number;
  attempts: number;
  /** pending: to be sent; failed: refused by the server for good, kept and shown until cleared */
  state: 'pending' | 'failed';
  reason?: string;
  message?: string;
}

export interface OutboxStore {
  /** the oldest pending entries, oldest first, at most `limit` */
  pending(limit: number): Promise<OutboxEntry[]>;
  noteAttempt(seqs: number[]): Promise<void>;
  /** the server has them: gone from the device */
  ack(seqs: number[]): Promise<void>;
  fail(seq: number, reason: string, message: string): Promise<void>;
  counts(): Promise<{ pending: number; failed: number }>;
  failed(): Promise<OutboxEntry[]>;
  /** forgets a failed entry (the person read it and let it go); pending entries are never cleared */
  clear(seq: number): Promise<void>;
  /** forgets pending entries that may not be sent any more (another person's registrations) */
  drop(which: (entry: OutboxEntry) => boolean): Promise<void>;
}

export function newEntry(op: OutboxOp, now = Date.now()): OutboxEntry {
  return { op, queuedAt: now, attempts: 0, state: 'pending' };
}

/** The stores a service may change together with the entry it queues. */
export type LocalStore = Exclude<StoreNames<CofficeSchema>, 'outbox'>;
export type LocalTx = IDBPTransaction<CofficeSchema, StoreNames<CofficeSchema>[], 'readwrite'>;

/** The local change an outbox entry stands for: the stores it writes, and the writes (inside `tx`, no other awaits). */
export interface LocalWrite {
  stores: LocalStore[];
  write(tx: LocalTx): Promise<unknown>;
}

/**
 * The one way into the outbox: the local change and the entry in ONE IndexedDB transaction,
 * so the device never shows a change it will not send, nor sends one it does not show.
 * Services call `enqueue` (index.ts), which also tells the screens and schedules the sync.
 */
export async function addToOutbox(db: CofficeDb, op: OutboxOp, local?: LocalWrite, now = Date.now()): Promise<void> {
  const tx = db.transaction([...(local?.stores ?? []), 'outbox'], 'readwrite') as unknown as LocalTx;
  await Promise.all([local?.write(tx), tx.objectStore('outbox').add(newEntry(op, now)), tx.done]);
}

/** The outbox in IndexedDB (entries come in through `addToOutbox` only). */
export function indexedDbOutbox(db: CofficeDb): OutboxStore {
  return {
    async pending(limit) {
      const found: OutboxEntry[] = [];
      const cursor = await db.transaction('outbox').store.openCursor();
      for (let c = cursor; c && found.length < limit; c = await c.continue()) {
        if (c.value.state === 'pending') found.push(c.value);
      }
      return found;
    },
    async noteAttempt(seqs) {
      const tx = db.transaction('outbox', 'readwrite');
      for (const seq of seqs) {
        const entry = await tx.store.get(seq);
        if (entry) await tx.store.put({ ...entry, attempts: entry.attempts + 1 });
      }
      await tx.done;
    },
    async ack(seqs) {
      const tx = db.transaction('outbox', 'readwrite');
      await Promise.all([...seqs.map((seq) => tx.store.delete(seq)), tx.done]);
    },
    async fail(seq, reason, message) {
      const tx = db.transaction('outbox', 'readwrite');
      const entry = await tx.store.get(seq);
      if (entry) await tx.store.put({ ...entry, state: 'failed', reason, message });
      await tx.done;
    },
    async counts() {
      const [pending, failed] = await Promise.all([
        db.countFromIndex('outbox', 'state', 'pending'),
        db.countFromIndex('outbox', 'state', 'failed'),
      ]);
      return { pending, failed };
    },
    failed() {
      return db.getAllFromIndex('outbox', 'state', 'failed');
    },
    async clear(seq) {
      const tx = db.transaction('outbox', 'readwrite');
      if ((await tx.store.get(seq))?.state === 'failed') await tx.store.delete(seq);
      await tx.done;
    },
    async drop(which) {
      const tx = db.transaction('outbox', 'readwrite');
      for (let c = await tx.store.openCursor(); c; c = await c.continue()) {
        if (c.value.state === 'pending' && which(c.value)) await c.delete();
      }
      await tx.done;
    },
  };
}
