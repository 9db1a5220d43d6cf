// Signing up, in and out: by password or by a one-time code sent by email, and a forgotten
// password. Returns a result instead of throwing, so screens only map reasons to words.
import { ClientResponseError } from 'pocketbase';
import { pb, failureReason } from '$lib/pocketbase/client';
import type { UserRecord } from '$lib/pocketbase/types';
import { getLocale } from '$lib/i18n';
import { accountReason, emailProblem, nameProblem, passwordProblem, type AccountResult } from './account-reasons';
import { followProfileLanguage, WITH_COMPANY } from './session.service';

export type SignInResult = AccountResult;

/** Accounts know addresses in small letters (one account per address, whatever its letters). */
const address = (email: string) => email.trim().toLowerCase();
const statusOf = (error: unknown) => (error instanceof ClientResponseError ? error.status : 0);

/** Signs in through one of the users collection's auth routes, as the SDK's methods would
 *  (the build leaves those out of the client: scripts/lib/slim-pocketbase.mjs). */
async function authWith(route: 'auth-with-password' | 'auth-with-otp', body: Record<string, string>) {
  const { token, record } = await pb.send<{ token: string; record: UserRecord }>(`/api/collections/users/${route}`, {
    method: 'POST',
    body,
    query: WITH_COMPANY,
  });
  pb.authStore.save(token, record);
}

export async function signInWithPassword(email: string, password: string): Promise<SignInResult> {
  // an empty form says what is missing instead of "wrong email or password"
  const missing = emailProblem(email) ?? (password ? null : 'password_missing');
  if (missing) return { ok: false, reason: missing };
  try {
    await authWith('auth-with-password', { identity: address(email), password });
    followProfileLanguage();
    return { ok: true };
  } catch (error) {
    if (statusOf(error) === 400) return { ok: false, reason: 'wrong_credentials' };
    if (statusOf(error) === 429) return { ok: false, reason: 'sign_in_paused' };
    return { ok: false, reason: failureReason(error) };
  }
}

/**
 * A new guest account, signed in at once, in the language the app shows now. The server
 * answers a sign-up with an address that already has an account like any other (and mails
 * the owner), so only the password tells: the owner's own signs them in.
 */
export async function signUp(fields: { name: string; email: string; password: string }): Promise<SignInResult> {
  const problem = nameProblem(fields.name) ?? emailProblem(fields.email) ?? passwordProblem(fields.password);
  if (problem) return { ok: false, reason: problem };
  const email = address(fields.email);
  try {
    await pb.collection('users').create({
      name: fields.name.trim(),
      email,
      password: fields.password,
      passwordConfirm: fields.password,
      locale: getLocale(),
    });
  } catch (error) {
    return { ok: false, reason: accountReason(error) };
  }
  try {
    await authWith('auth-with-password', { identity: email, password: fields.password });
    return { ok: true };
  } catch (error) {
    if (statusOf(error) === 400) return { ok: false, reason: 'sign_up_check_mail' };
    if (statusOf(error) === 429) return { ok: false, reason: 'sign_in_paused' };
    return { ok: false, reason: failureReason(error) };
  }
}

/** Mails a one-time code; an unknown address becomes a new guest when the code is used. */
export async function requestSignInCode(email: string): Promise<AccountResult<{ otpId: string }>> {
  const problem = emailProblem(email);
  if (problem) return { ok: false, reason: problem };
  try {
    const { otpId } = await pb.send<{ otpId: string }>('/api/collections/users/request-otp', {
      method: 'POST',
      body: { email: address(email), locale: getLocale() },
    });
    return { ok: true, otpId };
  } catch (error) {
    if (statusOf(error) === 429) return { ok: false, reason: 'codes_too_many' };
    return { ok: false, reason: accountReason(error) };
  }
}

/**
 * Whether the code mail went out: PocketBase sends it after answering and keeps a failure to
 * its log, so the server notes the outcome by code id (pb_hooks/lib/otp-mail.js). Asked a few
 * times; "pending" when the answer is slow or unknown, so nobody is told of a failure that
 * did not happen.
 */
export async function codeMailStatus(
  otpId: string,
  { tries = 10, pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) } = {},
): Promise<'sent' | 'failed' | 'pending'> {
  for (let i = 0; i < tries; i++) {
    try {
      const { status } = await pb.send<{ status: string }>(`/api/coffice/otp-status/${encodeURIComponent(otpId)}`, { requestKey: null });
      if (status === 'sent' || status === 'failed') return status;
    } catch {
      return 'pending';
    }
    await pause(800);
  }
  return 'pending';
}

export async function signInWithCode(otpId: string, code: string): Promise<SignInResult> {
  const digits = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(digits)) return { ok: false, reason: 'code_wrong' };
  try {
    await authWith('auth-with-otp', { otpId, password: digits });
    followProfileLanguage();
    return { ok: true };
  } catch (error) {
    if (statusOf(error) === 400) return { ok: false, reason: 'code_wrong' };
    if (statusOf(error) === 429) return { ok: false, reason: 'code_burned' };
    return { ok: false, reason: failureReason(error) };
  }
}

export async function requestPasswordReset(email: string): Promise<AccountResult> {
  const problem = emailProblem(email);
  if (problem) return { ok: false, reason: problem };
  try {
    await pb.send('/api/collections/users/request-password-reset', { method: 'POST', body: { email: address(email) } });
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: accountReason(error) };
  }
}

export async function confirmPasswordReset(token: string, password: string): Promise<AccountResult> {
  const problem = passwordProblem(password);
  if (problem) return { ok: false, reason: problem };
  try {
    await pb.send('/api/collections/users/confirm-password-reset', {
      method: 'POST',
      body: { token, password, passwordConfirm: password },
    });
    return { ok: true };
  } catch (error) {
    const reason = accountReason(error);
    return { ok: false, reason: reason === 'invalid' ? 'reset_link' : reason };
  }
}

export function signOut() {
  pb.authStore.clear();
}
