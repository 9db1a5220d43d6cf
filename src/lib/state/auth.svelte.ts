// The one place where PocketBase's auth store becomes reactive state.
import { pb } from '$lib/pocketbase/client';
import type { UserRecord } from '$lib/pocketbase/types';

class AuthState {
  #user = $state<UserRecord | null>(null);

  constructor() {
    this.#user = pb.authStore.isValid ? (pb.authStore.record as UserRecord | null) : null;
    pb.authStore.onChange(() => {
      this.#user = pb.authStore.isValid ? (pb.authStore.record as UserRecord | null) : null;
    });
  }

  get user() {
    return this.#user;
  }

  get signedIn() {
    return this.#user !== null;
  }

  get isHost() {
    return this.#user?.role === 'host';
  }
}

export const auth = new AuthState();
