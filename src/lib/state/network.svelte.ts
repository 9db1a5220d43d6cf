// Whether the browser believes it is online, as reactive state.
class NetworkState {
  #online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);

  constructor() {
    if (typeof window === 'undefined') return;
    window.addEventListener('online', () => (this.#online = true));
    window.addEventListener('offline', () => (this.#online = false));
  }

  get online() {
    return this.#online;
  }
}

export const network = new NetworkState();
