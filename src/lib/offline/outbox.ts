// The outbox: writes made on this device, kept durably in order until the server has
// them. Storage only — the sync engine (sync.ts) decides when and how to send.
import type { CofficeDb } from './db';

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
  | { kind: 'registration.cancel'; id: string }
  | { kind: 'scan'; scan: ScanFact }
  | { kind: 'walk-in'; walkIn: WalkIn };

export interface OutboxEntry {
  /** FIFO order, assigned by the store */
  seq?: number;
  op: OutboxOp;
  queuedAt: number;
  attempts: number;
  /** pending: to be sent; failed: refused by the server for good, kept and shown */
  state: 'pending' | 'failed';
  reason?: string;
  message?: string;
}

export interface OutboxStore {
  oldestPending(): Promise<OutboxEntry | undefined>;
  noteAttempt(seq: number): Promise<void>;
  ack(seq: number): Promise<void>;
  fail(seq: number, reason: string, message: string): Promise<void>;
  counts(): Promise<{ pending: number; failed: number }>;
  failed(): Promise<OutboxEntry[]>;
}

export function newEntry(op: OutboxOp, now = Date.now()): OutboxEntry {
  return { op, queuedAt: now, attempts: 0, state: 'pending' };
}

/** The outbox in IndexedDB. Entries are added by services inside their own transaction
 * (together with the local change they stand for), see `enqueue` in services. */
export function indexedDbOutbox(db: CofficeDb): OutboxStore {
  return {
    async oldestPending() {
      const cursor = await db.transaction('outbox').store.openCursor();
      for (let c = cursor; c; c = await c.continue()) {
        if (c.value.state === 'pending') return c.value;
      }
      return undefined;
    },
    async noteAttempt(seq) {
      const tx = db.transaction('outbox', 'readwrite');
      const entry = await tx.store.get(seq);
      if (entry) await tx.store.put({ ...entry, attempts: entry.attempts + 1 });
      await tx.done;
    },
    async ack(seq) {
      await db.delete('outbox', seq);
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
  };
}
