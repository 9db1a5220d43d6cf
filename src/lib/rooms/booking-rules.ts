// When a person may book a room: one set of limits for the /rooms form and for the server,
// which runs this very module (bundled by `npm run vendor` into
// pb_hooks/lib/vendor/booking-rules.js; goja has no Intl, so times are read on the app's
// venue clock). The server adds what only it can know: free rooms and open bookings.

import { venueWallClock, type WallClock } from '$lib/time/venue-clock';

export const BOOKING_LIMITS = {
  /** shortest and longest booking, in minutes */
  minMinutes: 30,
  maxMinutes: 8 * 60,
  /** starts and ends fall on these steps of the venue's clock (:00, :15, :30, :45) */
  stepMinutes: 15,
  /** bookable hours on the venue's clock, within one day: 07:00–22:00 */
  opensAt: 7 * 60,
  closesAt: 22 * 60,
  /** the last bookable day is today + this many days */
  daysAhead: 90,
  /** open (not yet ended) bookings a member may hold; hosts are not limited */
  openPerMember: 10,
} as const;

/** The refusals this module decides, then the server's own. */
export type BookingTimeCode = 'booking_span' | 'booking_past' | 'booking_length' | 'booking_step' | 'booking_hours' | 'booking_ahead';

/** The server's English message for each refusal (the app words the code instead). */
export const BOOKING_MESSAGES: Record<BookingTimeCode | 'booking_limit', string> = {
  booking_span: 'A booking must end after it starts.',
  booking_past: 'That time has already passed.',
  booking_length: 'A booking lasts at least 30 minutes and at most 8 hours.',
  booking_step: 'A booking starts and ends on a quarter hour (:00, :15, :30, :45).',
  booking_hours: 'Rooms can be booked from 07:00 to 22:00 Swedish time, within one day.',
  booking_ahead: 'Rooms can be booked at most 90 days ahead.',
  booking_limit: 'You already have 10 upcoming bookings; cancel one to book another.',
};

export interface BookingRefusal {
  field: 'starts' | 'ends';
  code: BookingTimeCode;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const minuteOfDay = (clock: WallClock) => clock.hour * 60 + clock.minute;
const dayNumber = (clock: WallClock) => Date.UTC(clock.year, clock.month - 1, clock.day) / DAY;

/**
 * Why a person may not book from `starts` to `ends` (instants, ms) at `now`, or null. A
 * booking already under way may be made (the room is taken from now on); one that is over
 * may not. The checks go in this order, so each refusal names the first thing to change.
 */
export function bookingTimesRefusal(starts: number, ends: number, now: number): BookingRefusal | null {
  if (!Number.isFinite(starts) || !Number.isFinite(ends) || ends <= starts) return { field: 'ends', code: 'booking_span' };
  if (ends <= now) return { field: 'ends', code: 'booking_past' };
  const minutes = (ends - starts) / MINUTE;
  if (minutes < BOOKING_LIMITS.minMinutes || minutes > BOOKING_LIMITS.maxMinutes) return { field: 'ends', code: 'booking_length' };
  const from = venueWallClock(starts);
  const to = venueWallClock(ends);
  for (const [field, instant, clock] of [
    ['starts', starts, from],
    ['ends', ends, to],
  ] as const) {
    if (instant % MINUTE !== 0 || clock.minute % BOOKING_LIMITS.stepMinutes !== 0) return { field, code: 'booking_step' };
  }
  if (dayNumber(from) !== dayNumber(to) || minuteOfDay(from) < BOOKING_LIMITS.opensAt) return { field: 'starts', code: 'booking_hours' };
  if (minuteOfDay(to) > BOOKING_LIMITS.closesAt) return { field: 'ends', code: 'booking_hours' };
  if (dayNumber(from) - dayNumber(venueWallClock(now)) > BOOKING_LIMITS.daysAhead) return { field: 'starts', code: 'booking_ahead' };
  return null;
}
