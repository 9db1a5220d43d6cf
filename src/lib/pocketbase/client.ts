// The one PocketBase client of the app. Same origin as the app in production; the
// Vite dev server proxies /api to the PocketBase that `npm run dev` starts.
import PocketBase, { ClientResponseError } from 'pocketbase';
import type { AppPocketBase, UserRecord } from './types';

export const pb = new PocketBase('/') as AppPocketBase;
pb.autoCancellation(false);

const AUTH_ANSWER = /\/api\/collections\/[^/]+\/auth-(refresh|with-password|with-otp)(\?|$)/;

// An auth answer cut off on its way (the page navigating away while its body arrives, the
// venue's wifi dropping) reaches the SDK as a 200 whose body cannot be read, which the SDK
// takes as {} and stores as "no session": the person is signed out by a network hiccup.
// An auth answer without a token is a failed request instead, and the session stays.
pb.afterSend = (response, data) => {
  if (response.ok && AUTH_ANSWER.test(response.url) && !(data as { token?: unknown })?.token) {
    throw new Error('The answer to an auth request arrived without a token.');
  }
  return data;
};

/** The signed-in person, or null (a lapsed session counts as signed out). */
export function signedInUser(): UserRecord | null {
  return pb.authStore.isValid ? (pb.authStore.record as UserRecord | null) : null;
}

/** Why a request failed, in words the UI maps to messages (see errorMessage). */
export type FailureReason = 'offline' | 'unauthorized' | 'forbidden' | 'not_found' | 'too_many' | 'invalid' | 'unknown';

export function failureReason(error: unknown): FailureReason {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return 'offline';
  if (error instanceof ClientResponseError) {
    if (error.status === 0) return 'offline';
    if (error.status === 400) return 'invalid';
    if (error.status === 401) return 'unauthorized';
    if (error.status === 403) return 'forbidden';
    if (error.status === 404) return 'not_found';
    if (error.status === 429) return 'too_many';
  }
  return 'unknown';
}
