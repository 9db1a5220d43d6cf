// The sync engine's status (pending writes, refused ones, last sync, waiting for a sign-in)
// as reactive state, and the refused entries to list and clear.
import { offline } from '$lib/offline';
import { pb } from '$lib/pocketbase/client';
import type { OutboxEntry } from '$lib/offline/outbox';
import type { SyncStatus } from '$lib/offline/sync';

class SyncStatusState {
  #status = $state<SyncStatus>({
    pending: 0,
    failed: 0,
    syncing: false,
    needsSignIn: false,
    lastSyncAt: null,
    lastError: null,
    nextRetryAt: null,
  });
  #started = false;

  start() {
    if (this.#started || typeof window === 'undefined') return;
    this.#started = true;
    void offline().then(({ engine }) => {
      this.#status = engine.status;
      engine.on('status', (status) => (this.#status = status));
      void engine.refreshCounts();
    });
  }

  get pending() {
    return this.#status.pending;
  }
  get failed() {
    return this.#status.failed;
  }
  get syncing() {
    return this.#status.syncing;
  }
  get lastSyncAt() {
    return this.#status.lastSyncAt;
  }
  /** the server no longer takes this session: the pending writes wait for a sign-in */
  get needsSignIn() {
    return this.#status.needsSignIn;
  }

  /** The session the server no longer takes is let go (the outbox stays) so the person can sign in again. */
  signOutToSignInAgain() {
    pb.authStore.clear();
  }

  /** What the server refused for good, oldest first. */
  async refused(): Promise<OutboxEntry[]> {
    return (await offline()).failed();
  }

  /** Forgets refused entries (the person read them and let them go). */
  async clear(seqs: number[]): Promise<void> {
    const { engine } = await offline();
    for (const seq of seqs) await engine.clear(seq);
  }
}

export const syncStatus = new SyncStatusState();
