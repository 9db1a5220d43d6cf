// Signing in and out. Returns a result instead of throwing, so screens only map reasons to words.
import { pb, failureReason, type FailureReason } from '$lib/pocketbase/client';
import { ClientResponseError } from 'pocketbase';

export type SignInResult = { ok: true } | { ok: false; reason: FailureReason | 'wrong_credentials' };

export async function signInWithPassword(email: string, password: string): Promise<SignInResult> {
  try {
    await pb.collection('users').authWithPassword(email.trim(), password);
    return { ok: true };
  } catch (error) {
    if (error instanceof ClientResponseError && error.status === 400) return { ok: false, reason: 'wrong_credentials' };
    return { ok: false, reason: failureReason(error) };
  }
}

export function signOut() {
  pb.authStore.clear();
}

/** Refreshes the session on start; only a 401/403 signs the person out (offline keeps them in). */
export async function refreshSession(): Promise<void> {
  if (!pb.authStore.isValid) return;
  try {
    await pb.collection('users').authRefresh();
  } catch (error) {
    const reason = failureReason(error);
    if (reason === 'unauthorized' || reason === 'forbidden' || reason === 'not_found') pb.authStore.clear();
  }
}
