// The one PocketBase client of the app. Same origin as the app in production; the
// Vite dev server proxies /api to the PocketBase that `npm run dev` starts.
import PocketBase, { ClientResponseError } from 'pocketbase';
import type { AppPocketBase, UserRecord } from './types';

export const pb = new PocketBase('/') as AppPocketBase;
pb.autoCancellation(false);

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
