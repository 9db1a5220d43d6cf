// Words for what can go wrong while booking a room (route-only: no other screen carries them).
import { errorMessage, m } from '$lib/i18n';
import { BOOKING_CODES, type BookingCode, type RoomsReason } from '$lib/services/rooms.service';

/** Each code the server refuses a booking with, in the person's language (a message, so a
 * test can ask for either language). */
export const BOOKING_WORDS: Record<BookingCode, typeof m.rooms_error_overlap> = {
  booking_overlap: m.rooms_error_overlap,
  booking_span: m.rooms_error_span,
  booking_room: m.rooms_error_room,
  booking_past: m.rooms_error_past,
  booking_length: m.rooms_error_length,
  booking_step: m.rooms_error_step,
  booking_hours: m.rooms_error_hours,
  booking_ahead: m.rooms_error_ahead,
  booking_limit: m.rooms_error_limit,
  booking_desk_day: m.desks_error_day,
  booking_desk_ahead: m.desks_error_ahead,
  booking_desk_taken: m.desks_error_taken,
  booking_full: m.desks_error_full,
  booking_no_desks: m.desks_error_no_desks,
};

const isBookingCode = (reason: RoomsReason): reason is BookingCode => (BOOKING_CODES as readonly string[]).includes(reason);

export function roomsErrorMessage(reason: RoomsReason): string {
  if (isBookingCode(reason)) return BOOKING_WORDS[reason]();
  switch (reason) {
    case 'invalid':
      return m.rooms_error_span();
    case 'title_long':
      return m.rooms_error_title();
    case 'forbidden':
      return m.rooms_error_forbidden();
    case 'not_found':
      return m.rooms_error_gone();
    default:
      return errorMessage(reason);
  }
}
