// The one place where PocketBase's auth store becomes reactive state.
import { pb, signedInUser } from '$lib/pocketbase/client';
import type { UserRecord } from '$lib/pocketbase/types';

class AuthState {
  #user = $state<UserRecord | null>(null);

  constructor() {
    this.#user = signedInUser();
    pb.authStore.onChange(() => {
      this.#user = signedInUser();
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
