// Words for the server's refusals of an application or a host's decision (pb_hooks/lib/applications.js),
// by code, in the person's language (tests/unit/refusal-codes.spec.ts checks every code has its own).
import { m } from '$lib/i18n';
import type { ApplicationCode, Refusal } from '$lib/services/join.service';

const FIELD_LABEL: Record<string, () => string> = {
  company: m.join_field_company,
  contact_name: m.join_field_contact,
  email: m.join_field_email,
  phone: m.join_field_phone,
  trade: m.join_field_trade,
  message: m.join_field_message,
  note: m.host_applications_note,
};

export const APPLICATION_WORDS: Record<ApplicationCode, (refusal: Refusal) => string> = {
  application_body_invalid: () => m.join_error_body(),
  application_company_missing: () => m.join_error_company_missing(),
  application_decided: () => m.join_error_decided(),
  application_decision_invalid: () => m.join_error_decision(),
  application_email_invalid: () => m.join_error_email_invalid(),
  application_email_missing: () => m.join_error_email_missing(),
  application_field_type: () => m.join_error_field_type(),
  application_name_missing: () => m.join_error_name_missing(),
  application_seat_invalid: () => m.join_error_seat_invalid(),
  application_too_long: (refusal) =>
    m.join_error_too_long({ field: (FIELD_LABEL[refusal.field] ?? FIELD_LABEL.message)(), max: refusal.max ?? 2000 }),
};

export function applicationRefusalText(refusal: Refusal): string {
  return APPLICATION_WORDS[refusal.code](refusal);
}
