// The sync engine: sends the outbox oldest first, one drain at a time, then pulls what
// changed on the server. Writes come before pulls and are never held by them: a write
// queued while the pulls run is sent at once, beside them (still one drain at a time).
// A run of consecutive scans goes in one request; every entry is settled by its own result.
// Transient failures stop the drain and retry later with backoff; a write the server
// refuses for good is kept (marked failed, shown) and does not block the entries behind
// it; a lapsed session stops the drain and keeps everything pending until someone signs
// in again (`signedIn()`). The UI only listens to the typed events below.
import type { OutboxEntry, OutboxStore } from './outbox';

export type SendResult =
  | { outcome: 'done' }
  | { outcome: 'retry'; reason: string }
  /** the session lapsed or may not send this: wait for a sign-in, then send it */
  | { outcome: 'unauthorized'; reason: string }
  | { outcome: 'refused'; reason: string; message: string };

/** How many consecutive scans go in one request (the sync route takes up to 500). */
export const SCAN_BATCH = 200;

/**
 * Sends outbox entries: one, or a run of consecutive scans, and answers with a result per
 * entry in the same order. Must be idempotent: the same entry may arrive twice.
 */
export interface Transport {
  send(entries: OutboxEntry[]): Promise<SendResult[]>;
}

/** Brings one kind of server data to the device (delta sync). Throws when it cannot. */
export interface Puller {
  name: string;
  pull(): Promise<void>;
}

export interface SyncStatus {
  pending: number;
  failed: number;
  syncing: boolean;
  /** the server no longer takes this session: the pending entries wait for a sign-in */
  needsSignIn: boolean;
  lastSyncAt: number | null;
  /** why the last run stopped early (e.g. offline), cleared by a full run */
  lastError: string | null;
  nextRetryAt: number | null;
}

export interface SyncEvents {
  status: SyncStatus;
  sent: { entry: OutboxEntry };
  refused: { entry: OutboxEntry; reason: string; message: string };
  pulled: { name: string };
}

export interface Scheduler {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SyncEngineOptions {
  outbox: OutboxStore;
  transport: Transport;
  pullers?: Puller[];
  now?: () => number;
  scheduler?: Scheduler;
  random?: () => number;
  /** an answer slower than this counts as lost; the entry is sent again later */
  sendTimeoutMs?: number;
  backoff?: { baseMs: number; maxMs: number };
}

type Listener<K extends keyof SyncEvents> = (payload: SyncEvents[K]) => void;

export class SyncEngine {
  #options: Required<Omit<SyncEngineOptions, 'pullers'>> & { pullers: Puller[] };
  #running: Promise<void> | null = null;
  #again = false;
  #draining: Promise<boolean> | null = null;
  #drainAgain = false;
  #retryHandle: unknown = null;
  #consecutiveFailures = 0;
  #listeners = new Map<keyof SyncEvents, Set<Listener<never>>>();
  #status: SyncStatus = { pending: 0, failed: 0, syncing: false, needsSignIn: false, lastSyncAt: null, lastError: null, nextRetryAt: null };

  constructor(options: SyncEngineOptions) {
    this.#options = {
      pullers: [],
      now: () => Date.now(),
      scheduler: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as number) },
      random: Math.random,
      sendTimeoutMs: 15_000,
      backoff: { baseMs: 1_000, maxMs: 60_000 },
      ...options,
    };
  }

  get status(): SyncStatus {
    return this.#status;
  }

  on<K extends keyof SyncEvents>(name: K, listener: Listener<K>): () => void {
    if (!this.#listeners.has(name)) this.#listeners.set(name, new Set());
    this.#listeners.get(name)!.add(listener as Listener<never>);
    return () => this.#listeners.get(name)?.delete(listener as Listener<never>);
  }

  #emit<K extends keyof SyncEvents>(name: K, payload: SyncEvents[K]) {
    for (const listener of this.#listeners.get(name) ?? []) (listener as Listener<K>)(payload);
  }

  #setStatus(change: Partial<SyncStatus>) {
    this.#status = { ...this.#status, ...change };
    this.#emit('status', this.#status);
  }

  /**
   * Runs a sync now. Single-flight: calls during a run share it, and it runs once more.
   * A call while the run is pulling sends the outbox at once, without waiting for the pulls.
   */
  sync(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      void this.#drain().catch(() => false); // a store error: the run's own drain meets it again
      return this.#running;
    }
    this.#running = (async () => {
      try {
        do {
          this.#again = false;
          await this.#runOnce();
        } while (this.#again);
      } finally {
        this.#running = null;
        this.#setStatus({ syncing: false });
      }
    })();
    return this.#running;
  }

  /** Someone signed in (again): what waited for it is sent now. */
  signedIn(): Promise<void> {
    if (this.#status.needsSignIn) this.#setStatus({ needsSignIn: false });
    return this.sync();
  }

  /** Forgets a refused entry (read and let go by the person). */
  async clear(seq: number): Promise<void> {
    await this.#options.outbox.clear(seq);
    await this.refreshCounts();
  }

  /** Re-reads the outbox counts (after a service queued something) without sending. */
  async refreshCounts(): Promise<void> {
    this.#setStatus(await this.#options.outbox.counts());
  }

  async #runOnce() {
    const { scheduler } = this.#options;
    if (this.#retryHandle !== null) scheduler.clearTimeout(this.#retryHandle);
    this.#retryHandle = null;
    this.#setStatus({ syncing: true, nextRetryAt: null });
    // waiting for a sign-in: nothing is sent (or pulled) until `signedIn()`
    let complete = !this.#status.needsSignIn && (await this.#drain());
    if (complete) {
      for (const puller of this.#options.pullers) {
        try {
          await puller.pull();
          this.#emit('pulled', { name: puller.name });
        } catch (error) {
          this.#retryLater(`pull ${puller.name}: ${describe(error)}`);
          complete = false;
          break;
        }
      }
    }
    if (complete) {
      this.#consecutiveFailures = 0;
      this.#setStatus({ lastSyncAt: this.#options.now(), lastError: null });
    }
    this.#setStatus(await this.#options.outbox.counts());
  }

  /**
   * Sends entries oldest first; false when it had to stop and retry later. One drain at a
   * time: a call during one makes it look at the outbox once more before it ends.
   */
  #drain(): Promise<boolean> {
    if (this.#draining) {
      this.#drainAgain = true;
      return this.#draining;
    }
    this.#draining = (async () => {
      try {
        let complete: boolean;
        do {
          this.#drainAgain = false;
          complete = await this.#drainOnce();
        } while (complete && this.#drainAgain);
        return complete;
      } finally {
        this.#draining = null;
      }
    })();
    return this.#draining;
  }

  async #drainOnce(): Promise<boolean> {
    const { outbox } = this.#options;
    for (;;) {
      if (this.#status.needsSignIn) return false;
      const run = batchOf(await outbox.pending(SCAN_BATCH));
      if (run.length === 0) return true;
      const seqs = run.map((entry) => entry.seq!);
      await outbox.noteAttempt(seqs);
      const results = await this.#send(run);
      const done: OutboxEntry[] = [];
      let stop: SendResult | null = null;
      for (const [i, entry] of run.entries()) {
        const result = results[i] ?? { outcome: 'retry', reason: 'no answer for this entry' };
        if (result.outcome === 'done') done.push(entry);
        else if (result.outcome === 'refused') {
          await outbox.fail(entry.seq!, result.reason, result.message);
          this.#emit('refused', { entry, reason: result.reason, message: result.message });
        } else {
          stop ??= result; // the entries behind it stay pending, in order
          break;
        }
      }
      if (done.length > 0) {
        await outbox.ack(done.map((entry) => entry.seq!));
        for (const entry of done) this.#emit('sent', { entry });
      }
      this.#setStatus(await outbox.counts());
      if (stop?.outcome === 'unauthorized') {
        this.#setStatus({ needsSignIn: true, lastError: stop.reason });
        return false;
      }
      if (stop?.outcome === 'retry') {
        this.#retryLater(stop.reason);
        return false;
      }
    }
  }

  /** One send; a thrown error or a lost answer becomes a retry (late answers are ignored). */
  #send(entries: OutboxEntry[]): Promise<SendResult[]> {
    const { transport, scheduler, sendTimeoutMs } = this.#options;
    const all = (result: SendResult) => entries.map(() => result);
    return new Promise<SendResult[]>((resolve) => {
      const timer = scheduler.setTimeout(() => resolve(all({ outcome: 'retry', reason: 'timeout' })), sendTimeoutMs);
      transport.send(entries).then(
        (results) => {
          scheduler.clearTimeout(timer);
          resolve(results);
        },
        (error) => {
          scheduler.clearTimeout(timer);
          resolve(all({ outcome: 'retry', reason: describe(error) }));
        },
      );
    });
  }

  #retryLater(reason: string) {
    const { backoff, random, scheduler, now } = this.#options;
    this.#consecutiveFailures += 1;
    const exponential = Math.min(backoff.maxMs, backoff.baseMs * 2 ** (this.#consecutiveFailures - 1));
    const delay = Math.round(exponential * (0.5 + random() / 2));
    if (this.#retryHandle !== null) scheduler.clearTimeout(this.#retryHandle);
    this.#retryHandle = scheduler.setTimeout(() => {
      this.#retryHandle = null;
      void this.sync();
    }, delay);
    this.#setStatus({ lastError: reason, nextRetryAt: now() + delay });
  }

  /**
   * Syncs now, and again when the browser comes online, when the app becomes visible and
   * every `periodMs`. Returns a function that stops all of it.
   */
  start(target: Window, periodMs = 60_000): () => void {
    const run = () => void this.sync();
    const onVisible = () => {
      if (target.document.visibilityState === 'visible') run();
    };
    target.addEventListener('online', run);
    target.document.addEventListener('visibilitychange', onVisible);
    const timer = target.setInterval(run, periodMs);
    run();
    return () => {
      target.removeEventListener('online', run);
      target.document.removeEventListener('visibilitychange', onVisible);
      target.clearInterval(timer);
    };
  }
}

/** What goes in one request: the oldest entry, and the scans right behind it when it is a scan (FIFO kept). */
export function batchOf(pending: OutboxEntry[]): OutboxEntry[] {
  const [first] = pending;
  if (!first) return [];
  if (first.op.kind !== 'scan') return [first];
  const end = pending.findIndex((entry) => entry.op.kind !== 'scan');
  return end === -1 ? pending : pending.slice(0, end);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
