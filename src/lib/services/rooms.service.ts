// Room booking: members and hosts see the bookable rooms and one venue day's bookings, book
// a free time and cancel their own. Online only, on purpose: whether a room is free is the
// server's call (no overlap in one space, decided in a transaction), so a booking made
// without network could not be promised — the screen says so instead of queuing it.
import { ClientResponseError } from 'pocketbase';
import { failureReason, pb, signedInUser, type FailureReason } from '$lib/pocketbase/client';
import type { BookingRecord, SpaceRecord } from '$lib/pocketbase/types';
import { dayEnd, dayStart, fromVenueInputValue, shiftDay } from '$lib/time/venue-clock';
import { BOOKING_LIMITS, bookingTimesRefusal } from '$lib/rooms/booking-rules';

/** What the server refuses (pb_hooks/lib/bookings.js sends these codes) and what we check first. */
export const BOOKING_CODES = [
  'booking_overlap',
  'booking_span',
  'booking_room',
  'booking_past',
  'booking_length',
  'booking_step',
  'booking_hours',
  'booking_ahead',
  'booking_limit',
  // desk days (a booking of the open area): src/lib/desks/desk-rules.ts
  'booking_desk_day',
  'booking_desk_ahead',
  'booking_desk_taken',
  'booking_full',
  'booking_no_desks',
] as const;
export type BookingCode = (typeof BOOKING_CODES)[number];
export type RoomsReason = FailureReason | BookingCode | 'title_long';
export type RoomsResult<T = object> = ({ ok: true } & T) | { ok: false; reason: RoomsReason };

/** Booking lengths offered, in minutes (BOOKING_LIMITS: 30 min–8 h). */
export const DURATIONS = [30, 60, 90, 120, 180, 240, 480] as const;

/** The start times offered on the venue's clock, HH:mm: every quarter hour from opening to
 * the last that leaves the shortest booking before closing (07:00–21:30). */
export const START_TIMES: readonly string[] = Array.from(
  { length: (BOOKING_LIMITS.closesAt - BOOKING_LIMITS.minMinutes - BOOKING_LIMITS.opensAt) / BOOKING_LIMITS.stepMinutes + 1 },
  (_, i) => {
    const minutes = BOOKING_LIMITS.opensAt + i * BOOKING_LIMITS.stepMinutes;
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  },
);

/** The last venue day that can be booked from `today` (YYYY-MM-DD). */
export const lastBookableDay = (today: string) => shiftDay(today, BOOKING_LIMITS.daysAhead);
export const TITLE_MAX = 120;

export interface BookingRequest {
  space: string;
  /** the venue day, YYYY-MM-DD */
  day: string;
  /** the venue's clock, HH:mm */
  start: string;
  minutes: number;
  title: string;
}

export function bookingReason(error: unknown): RoomsReason {
  if (error instanceof ClientResponseError && error.status === 400) {
    const fields = Object.values((error.response?.data ?? {}) as Record<string, { code?: string } | undefined>);
    const known = BOOKING_CODES.find((code) => fields.some((field) => field?.code === code));
    if (known) return known;
    if (fields.length > 0) return 'invalid';
  }
  return failureReason(error);
}

/** The first and the first-after-last instant of a venue day (23, 24 or 25 hours apart). */
export function dayBounds(day: string): { from: number; to: number } | null {
  return fromVenueInputValue(`${day}T00:00`) === null ? null : { from: dayStart(day), to: dayEnd(day) };
}

/** The instants a request asks for, or why it cannot be booked (the server checks the same). */
export function bookingSpan(request: BookingRequest, now = Date.now()): { starts: number; ends: number } | { problem: RoomsReason } {
  if (!request.space) return { problem: 'booking_room' };
  if (request.title.trim().length > TITLE_MAX) return { problem: 'title_long' };
  const starts = fromVenueInputValue(`${request.day}T${request.start}`);
  if (starts === null || !(request.minutes > 0)) return { problem: 'booking_span' };
  const ends = starts + request.minutes * 60_000;
  const refusal = bookingTimesRefusal(starts, ends, now);
  return refusal ? { problem: refusal.code } : { starts, ends };
}

export async function loadRooms(day: string): Promise<RoomsResult<{ rooms: SpaceRecord[]; bookings: BookingRecord[] }>> {
  const bounds = dayBounds(day);
  if (!bounds) return { ok: false, reason: 'booking_span' };
  try {
    const [rooms, bookings] = await Promise.all([
      // the open area is booked by the day on /desks
      pb.collection('spaces').getFullList({ filter: "bookable = true && kind != 'open_area'", sort: 'name', requestKey: null }),
      pb.collection('bookings').getFullList({
        filter: pb.filter('starts < {:to} && ends > {:from}', { from: new Date(bounds.from), to: new Date(bounds.to) }),
        sort: 'starts',
        requestKey: null,
      }),
    ]);
    return { ok: true, rooms, bookings };
  } catch (error) {
    return { ok: false, reason: bookingReason(error) };
  }
}

/** One of the signed-in person's own bookings, with its room's name. */
export type MyBooking = BookingRecord & { expand?: { space?: SpaceRecord } };

/** The signed-in person's own bookings that have not ended, on any day, soonest first. */
export async function loadMyBookings(now = Date.now()): Promise<RoomsResult<{ bookings: MyBooking[] }>> {
  const user = signedInUser();
  if (!user) return { ok: false, reason: 'unauthorized' };
  try {
    const bookings = await pb.collection('bookings').getFullList<MyBooking>({
      filter: pb.filter("user = {:user} && ends > {:now} && space.kind != 'open_area'", { user: user.id, now: new Date(now) }),
      sort: 'starts',
      expand: 'space',
      requestKey: null,
    });
    return { ok: true, bookings };
  } catch (error) {
    return { ok: false, reason: bookingReason(error) };
  }
}

export async function book(request: BookingRequest): Promise<RoomsResult<{ booking: BookingRecord }>> {
  const span = bookingSpan(request);
  if ('problem' in span) return { ok: false, reason: span.problem };
  const user = signedInUser();
  if (!user) return { ok: false, reason: 'unauthorized' };
  try {
    const booking = await pb.collection('bookings').create({
      space: request.space,
      user: user.id,
      starts: new Date(span.starts).toISOString(),
      ends: new Date(span.ends).toISOString(),
      title: request.title.trim(),
    });
    return { ok: true, booking };
  } catch (error) {
    return { ok: false, reason: bookingReason(error) };
  }
}

export async function cancelBooking(id: string): Promise<RoomsResult> {
  try {
    await pb.collection('bookings').delete(id);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: bookingReason(error) };
  }
}
