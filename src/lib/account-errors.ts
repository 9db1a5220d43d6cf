// Words for what can go wrong on the account screens (signing in, profile, people, companies);
// apart from $lib/i18n so the screens every guest opens do not carry them.
import { errorMessage, m } from '$lib/i18n';
import type { AccountReason } from '$lib/services/account-reasons';

export function accountErrorMessage(reason: AccountReason): string {
  switch (reason) {
    case 'wrong_credentials':
      return m.error_sign_in_failed();
    case 'email_invalid':
      return m.account_error_email_invalid();
    case 'email_taken':
      return m.account_error_email_taken();
    case 'email_reserved':
      return m.account_error_email_reserved();
    case 'sign_up_check_mail':
      return m.account_error_sign_up_check_mail();
    case 'sign_in_paused':
      return m.account_error_sign_in_paused();
    case 'password_too_short':
      return m.account_error_password_too_short();
    case 'password_too_common':
      return m.account_error_password_too_common();
    case 'code_wrong':
      return m.account_error_code_wrong();
    case 'code_burned':
      return m.account_error_code_burned();
    case 'codes_too_many':
      return m.account_error_codes_too_many();
    case 'code_not_sent':
      return m.account_error_code_not_sent();
    case 'reset_link':
      return m.account_error_reset_link();
    case 'confirm_mismatch':
      return m.account_error_confirm_mismatch();
    case 'logo_type':
      return m.account_error_logo_type();
    case 'logo_size':
      return m.account_error_logo_size();
    case 'logo_pixels':
      return m.account_error_logo_pixels();
    case 'name_taken':
      return m.account_error_name_taken();
    case 'name_required':
      return m.account_error_name_required();
    case 'password_missing':
      return m.account_error_password_missing();
    default:
      return errorMessage(reason);
  }
}
