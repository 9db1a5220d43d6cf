// Desk days: one booking of the open area = one desk for one whole venue day (its 00:00 to the
// next 00:00 on the venue's clock: 23, 24 or 25 hours). One set of rules for the /desks screen
// and the server, which runs this very module (bundled by `npm run vendor` into
// pb_hooks/lib/vendor/desk-rules.js). The server adds what only it can know: free desks and
// the person's own desk days, counted in the transaction that writes.
import { dayEnd, dayOf, dayStart, shiftDay } from '$lib/time/venue-clock';

export const DESK_LIMITS = {
  /** desk days shown and bookable: today and the next 13 venue days (two weeks) */
  days: 14,
} as const;

/** The refusals this module decides, then the server's own. */
export type DeskDayCode = 'booking_desk_day' | 'booking_past' | 'booking_desk_ahead';
export type DeskCode = DeskDayCode | 'booking_desk_taken' | 'booking_full' | 'booking_no_desks';

/** The server's English message for each refusal (the app words the code instead). */
export const DESK_MESSAGES: Record<DeskCode, string> = {
  booking_desk_day: 'A desk is booked for one whole day: from midnight to the next midnight, Swedish time.',
  booking_past: 'That day has already passed.',
  booking_desk_ahead: 'Desks can be booked at most two weeks ahead.',
  booking_desk_taken: 'You already have a desk that day.',
  booking_full: 'Every desk is taken that day.',
  booking_no_desks: 'That space has no desks to book by the day.',
};

/** The venue days offered from `today` (YYYY-MM-DD): today and the next 13. */
export function deskDays(today: string): string[] {
  return Array.from({ length: DESK_LIMITS.days }, (_, i) => shiftDay(today, i));
}

/** The span of a desk day: the day's midnight to the next. */
export function deskDaySpan(day: string): { starts: number; ends: number } {
  return { starts: dayStart(day), ends: dayEnd(day) };
}

/** The venue day a span covers exactly (midnight to midnight), or null when it is no such day. */
export function deskDayOf(starts: number, ends: number): string | null {
  if (!Number.isFinite(starts) || !Number.isFinite(ends)) return null;
  const day = dayOf(starts);
  return dayStart(day) === starts && dayEnd(day) === ends ? day : null;
}

/** Whether a span is exactly one venue day (a desk day asked of a space with no desks). */
export const isWholeDay = (starts: number, ends: number): boolean => deskDayOf(starts, ends) !== null;

/**
 * Why a person may not book the desk day from `starts` to `ends` (instants, ms) at `now`, or
 * null. Today may be booked all day long; the last day is two weeks out.
 */
export function deskDayRefusal(starts: number, ends: number, now: number): DeskDayCode | null {
  const day = deskDayOf(starts, ends);
  if (day === null) return 'booking_desk_day';
  const today = dayOf(now);
  if (day < today) return 'booking_past';
  if (day > shiftDay(today, DESK_LIMITS.days - 1)) return 'booking_desk_ahead';
  return null;
}
