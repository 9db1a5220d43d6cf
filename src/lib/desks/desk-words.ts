// Words for why a desk day was refused, by the server's code (pb_hooks/lib/bookings.js,
// src/lib/desks/desk-rules.ts), in the person's language. Used by /desks and by the list of
// refused writes (RefusedList), both loaded only where they show.
import { m } from '$lib/i18n';
import type { DeskCode } from './desk-rules';

/** Each desk-day code in words (a message, so a test can ask for either language). */
export const DESK_WORDS: Record<DeskCode | 'booking_room', typeof m.desks_error_full> = {
  booking_full: m.desks_error_full,
  booking_desk_taken: m.desks_error_taken,
  booking_past: m.desks_error_past,
  booking_desk_ahead: m.desks_error_ahead,
  booking_desk_day: m.desks_error_day,
  booking_no_desks: m.desks_error_no_desks,
  booking_room: m.desks_error_room,
};

/** Words for the reason a desk change was refused: its code, or what the device saw (gone, signed out). */
export function deskRefusalText(reason: string): string {
  if (Object.prototype.hasOwnProperty.call(DESK_WORDS, reason)) return DESK_WORDS[reason as keyof typeof DESK_WORDS]();
  if (reason === 'not_found') return m.desks_error_gone();
  if (reason === 'unauthorized') return m.desks_error_signed_out();
  return /^[a-z][a-z0-9_]*$/.test(reason) ? m.refusal_other({ code: reason }) : m.refusal_unknown();
}
