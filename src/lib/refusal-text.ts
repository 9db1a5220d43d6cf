// Words for a server's refusal of a registration, by its code (pb_hooks/lib/refuse.js; the codes
// are listed in docs/DECISIONS.md). Apart from $lib/i18n: a refusal is rare, so the screens load
// these words only when one is shown.
import { m } from '$lib/i18n';

/** Every code the server refuses a registration with (tests/unit/refusal-codes.spec.ts checks
 * this list against pb_hooks, so a new code cannot reach a screen without words). */
export const REGISTRATION_REFUSAL_CODES = [
  'event_unknown',
  'event_unpublished',
  'event_cancelled',
  'event_ended',
  'registration_exists',
  'registration_position',
] as const;
export type RegistrationRefusalCode = (typeof REGISTRATION_REFUSAL_CODES)[number];

/** The words for each code (a message, so a test can ask for either language); `unauthorized`
 * is the device's own reason when the server turned the session away. */
export const REFUSAL_WORDS: Record<RegistrationRefusalCode | 'unauthorized', typeof m.refusal_ended> = {
  event_unknown: m.refusal_gone, // also a draft, to all but hosts
  event_unpublished: m.refusal_unpublished,
  event_cancelled: m.refusal_cancelled,
  event_ended: m.refusal_ended,
  registration_exists: m.refusal_already_registered,
  registration_position: m.refusal_position,
  unauthorized: m.refusal_signed_out,
};

/** Words for the code stored on a refused registration. A code without words of its own names
 * itself in the generic words; an English sentence (stored by a device from before the codes)
 * is not shown. */
export function refusalText(code: string | undefined): string {
  if (code && Object.prototype.hasOwnProperty.call(REFUSAL_WORDS, code)) return REFUSAL_WORDS[code as keyof typeof REFUSAL_WORDS]();
  return code && /^[a-z][a-z0-9_]*$/.test(code) ? m.refusal_other({ code }) : m.refusal_unknown();
}
