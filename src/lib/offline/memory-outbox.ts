// An in-memory OutboxStore with the same behaviour as the IndexedDB one: the test double
// for the sync engine, and a way to look inside.
import { newEntry, type OutboxEntry, type OutboxOp, type OutboxStore } from './outbox';

export class MemoryOutbox implements OutboxStore {
  entries: OutboxEntry[] = [];
  #nextSeq = 1;

  add(op: OutboxOp): OutboxEntry {
    const entry = { ...newEntry(op), seq: this.#nextSeq++ };
    this.entries.push(entry);
    return entry;
  }

  async pending(limit: number) {
    return this.entries
      .filter((e) => e.state === 'pending')
      .slice(0, limit)
      .map((e) => ({ ...e }));
  }

  async noteAttempt(seqs: number[]) {
    for (const entry of this.entries) if (seqs.includes(entry.seq!)) entry.attempts += 1;
  }

  async ack(seqs: number[]) {
    const gone = new Set(seqs);
    this.entries = this.entries.filter((e) => !gone.has(e.seq!));
  }

  async fail(seq: number, reason: string, message: string) {
    const entry = this.entries.find((e) => e.seq === seq);
    if (entry) Object.assign(entry, { state: 'failed', reason, message });
  }

  async counts() {
    return {
      pending: this.entries.filter((e) => e.state === 'pending').length,
      failed: this.entries.filter((e) => e.state === 'failed').length,
    };
  }

  async failed() {
    return this.entries.filter((e) => e.state === 'failed');
  }

  async clear(seq: number) {
    this.entries = this.entries.filter((e) => e.seq !== seq || e.state !== 'failed');
  }

  async drop(which: (entry: OutboxEntry) => boolean) {
    this.entries = this.entries.filter((e) => e.state !== 'pending' || !which(e));
  }
}
