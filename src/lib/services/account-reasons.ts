// Why an account action failed, read from PocketBase's answer: its field error codes
// (our hooks add password_too_short / password_too_common) or its status.
import { ClientResponseError } from 'pocketbase';
import { failureReason, type FailureReason } from '$lib/pocketbase/client';

export type AccountReason =
  | FailureReason
  | 'wrong_credentials'
  | 'email_invalid'
  | 'email_taken'
  | 'email_reserved'
  | 'sign_up_check_mail'
  | 'sign_in_paused'
  | 'password_too_short'
  | 'password_too_common'
  | 'code_wrong'
  | 'code_burned'
  | 'codes_too_many'
  | 'code_not_sent'
  | 'reset_link'
  | 'confirm_mismatch'
  | 'logo_type'
  | 'logo_size'
  | 'logo_pixels'
  | 'name_taken'
  | 'name_required'
  | 'password_missing';

export type AccountResult<T = object> = ({ ok: true } & T) | { ok: false; reason: AccountReason };

type FieldErrors = Record<string, { code?: string } | undefined>;

/** The first field error we have words for, else a reason from the status. */
export function accountReason(error: unknown): AccountReason {
  if (error instanceof ClientResponseError && error.status === 400) {
    const data = (error.response?.data ?? {}) as FieldErrors;
    const reason = reasonFromFields(data);
    if (reason) return reason;
  }
  return failureReason(error);
}

export function reasonFromFields(data: FieldErrors): AccountReason | null {
  const code = (field: string) => data[field]?.code ?? '';
  if (code('email') === 'validation_not_unique') return 'email_taken';
  if (code('email') === 'email_reserved' || code('newEmail') === 'email_reserved') return 'email_reserved';
  if (code('email')) return 'email_invalid';
  if (code('password') === 'password_too_common') return 'password_too_common';
  if (code('password')) return 'password_too_short';
  if (code('logo') === 'validation_file_size_limit') return 'logo_size';
  if (code('logo') === 'image_too_many_pixels') return 'logo_pixels';
  if (code('logo')) return 'logo_type';
  if (code('name') === 'validation_not_unique') return 'name_taken';
  if (code('name') === 'name_required') return 'name_required';
  if (code('token')) return 'reset_link';
  return null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The same checks the server makes, so a person hears about a typo before a round trip. */
export function emailProblem(email: string): AccountReason | null {
  return EMAIL.test(email.trim()) ? null : 'email_invalid';
}

/** Passes and door verdicts show the name, so everyone who registers has one. */
export function nameProblem(name: string): AccountReason | null {
  return name.trim() ? null : 'name_required';
}

export const MIN_PASSWORD_LENGTH = 10;

export function passwordProblem(password: string): AccountReason | null {
  return password.length < MIN_PASSWORD_LENGTH ? 'password_too_short' : null;
}

export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'];
export const LOGO_MAX_BYTES = 1024 * 1024;

export function logoProblem(file: { type: string; size: number; name: string }): AccountReason | null {
  if (!LOGO_TYPES.includes(file.type) || !/\.(png|jpe?g|webp)$/i.test(file.name)) return 'logo_type';
  if (file.size > LOGO_MAX_BYTES) return 'logo_size';
  return null;
}
