// Words for why a self check-in was refused (route-only: no other screen carries them).
import { errorMessage, m } from '$lib/i18n';
import type { SelfCheckinReason } from '$lib/services/self-checkin.service';

export function checkinErrorMessage(reason: SelfCheckinReason): string {
  switch (reason) {
    case 'door_not_poster':
      return m.checkin_error_not_poster();
    case 'door_old_poster':
      return m.checkin_error_old_poster();
    case 'day_code_missing':
      return m.checkin_error_day_code_missing();
    case 'day_code_wrong':
      return m.checkin_error_day_code_wrong();
    case 'no_member_pass':
      return m.checkin_error_no_pass();
    case 'too_many':
      return m.checkin_error_too_many();
    default:
      return errorMessage(reason);
  }
}
