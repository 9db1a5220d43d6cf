// The sync engine's status (pending writes, refused ones, last sync) as reactive state.
import { offline } from '$lib/offline';
import type { SyncStatus } from '$lib/offline/sync';

class SyncStatusState {
  #status = $state<SyncStatus>({ pending: 0, failed: 0, syncing: false, lastSyncAt: null, lastError: null, nextRetryAt: null });
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
}

export const syncStatus = new SyncStatusState();
