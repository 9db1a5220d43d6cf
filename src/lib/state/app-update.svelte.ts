// A new version of the app is installed and waiting. It is applied only at a safe moment:
// not while the door's camera is scanning and not while the outbox is being sent.
class AppUpdateState {
  #worker = $state<ServiceWorker | null>(null);
  #scanning = $state(false);

  waiting(worker: ServiceWorker) {
    this.#worker = worker;
  }

  /** The door screen says when its camera runs. */
  set scanning(value: boolean) {
    this.#scanning = value;
  }

  get available() {
    return this.#worker !== null;
  }

  /** whether updating now would interrupt nothing; `syncing` comes from the sync status */
  safeNow(syncing: boolean) {
    return this.#worker !== null && !this.#scanning && !syncing;
  }

  /** Switches to the waiting version and reloads into it; the outbox and session stay (IndexedDB, local storage). */
  apply() {
    const worker = this.#worker;
    if (!worker) return;
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    worker.postMessage({ type: 'SKIP_WAITING' });
  }
}

export const appUpdate = new AppUpdateState();
