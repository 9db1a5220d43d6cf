// The app's languages: Paraglide's compiled messages plus the few helpers screens share.
import { getLocale, setLocale, locales } from '$lib/paraglide/runtime';
import * as m from '$lib/paraglide/messages';
import type { EventKind, Role } from '$lib/pocketbase/types';
import type { FailureReason } from '$lib/pocketbase/client';

export { m, getLocale, setLocale, locales };
export type AppLocale = (typeof locales)[number];

export const kindLabel: Record<EventKind, () => string> = {
  talk: m.kind_talk,
  course: m.kind_course,
  breakfast: m.kind_breakfast,
  meetup: m.kind_meetup,
  other: m.kind_other,
};

export const roleLabel: Record<Role, () => string> = {
  guest: m.me_role_guest,
  member: m.me_role_member,
  host: m.me_role_host,
};

/** One place where failure reasons become words (account screens add theirs: ./account-errors). */
export function errorMessage(reason: FailureReason): string {
  switch (reason) {
    case 'forbidden':
      return m.account_error_forbidden();
    case 'invalid':
      return m.account_error_invalid();
    case 'too_many':
      return m.error_too_many();
    case 'offline':
      return m.error_offline();
    default:
      return m.error_unknown();
  }
}
