// Words for what can go wrong while booking a room (route-only: no other screen carries them).
import { errorMessage, m } from '$lib/i18n';
import type { RoomsReason } from '$lib/services/rooms.service';

export function roomsErrorMessage(reason: RoomsReason): string {
  switch (reason) {
    case 'booking_overlap':
      return m.rooms_error_overlap();
    case 'booking_span':
    case 'invalid':
      return m.rooms_error_span();
    case 'booking_room':
      return m.rooms_error_room();
    case 'booking_past':
      return m.rooms_error_past();
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
