// Joining (DESIGN "The space and its community"): the public facts on /join, the application
// form (no account; the server limits, checks and de-duplicates, pb_hooks/applications.pb.js)
// and the hosts' applications list and decision. Online only: nothing here goes through the outbox.
import { ClientResponseError } from 'pocketbase';
import { pb } from '$lib/pocketbase/client';
import type { ApplicationRecord, ApplicationSeat } from '$lib/pocketbase/types';
import { failureReason, type FailureReason } from '$lib/pocketbase/client';

export interface JoinCompany {
  id: string;
  collectionId: string;
  name: string;
  about: string;
  website: string;
  seat: 'fixed' | 'flex';
  logo: string;
}

export interface JoinFacts {
  day: string;
  fixedFree: number;
  flexCapacity: number;
  flexFree: number;
  soughtTrades: string[];
  answerDays: number;
  companies: JoinCompany[];
}

/** The codes the server refuses an application or a decision with (pb_hooks/lib/applications.js). */
export const APPLICATION_CODES = [
  'application_body_invalid',
  'application_company_missing',
  'application_decided',
  'application_decision_invalid',
  'application_email_invalid',
  'application_email_missing',
  'application_field_type',
  'application_name_missing',
  'application_seat_invalid',
  'application_too_long',
] as const;
export type ApplicationCode = (typeof APPLICATION_CODES)[number];

export type Refusal = { field: string; code: ApplicationCode; max?: number };
export type SendResult = { ok: true } | { ok: false; refusal?: Refusal; reason: FailureReason };

export interface ApplicationFields {
  company: string;
  contact_name: string;
  email: string;
  phone: string;
  trade: string;
  seat: ApplicationSeat | '';
  message: string;
  locale: 'sv' | 'en';
  /** the honeypot: people never see it */
  website: string;
}

export async function loadJoinFacts(): Promise<{ ok: true; facts: JoinFacts } | { ok: false; reason: FailureReason }> {
  try {
    return { ok: true, facts: await pb.send<JoinFacts>('/api/coffice/join', { method: 'GET', requestKey: null }) };
  } catch (error) {
    return { ok: false, reason: failureReason(error) };
  }
}

function refusalOf(error: unknown): Refusal | undefined {
  if (!(error instanceof ClientResponseError) || error.status !== 400) return undefined;
  const data = (error.response?.data ?? {}) as Record<string, { code?: string; params?: { max?: number } } | undefined>;
  for (const [field, value] of Object.entries(data)) {
    const code = value?.code as ApplicationCode | undefined;
    if (code && (APPLICATION_CODES as readonly string[]).includes(code)) return { field, code, max: value?.params?.max };
  }
  return undefined;
}

export async function sendApplication(fields: ApplicationFields): Promise<SendResult> {
  const body: Record<string, string> = {
    company: fields.company.trim(),
    contact_name: fields.contact_name.trim(),
    email: fields.email.trim(),
    phone: fields.phone.trim(),
    trade: fields.trade.trim(),
    seat: fields.seat,
    message: fields.message.trim(),
    locale: fields.locale,
  };
  if (fields.website) body.website = fields.website;
  try {
    await pb.collection('applications').create(body, { requestKey: null });
    return { ok: true };
  } catch (error) {
    return { ok: false, refusal: refusalOf(error), reason: failureReason(error) };
  }
}

/** Hosts: new applications first (oldest first, as they came), then the decided ones (newest first). */
export async function listApplications(): Promise<
  { ok: true; fresh: ApplicationRecord[]; decided: ApplicationRecord[] } | { ok: false; reason: FailureReason }
> {
  try {
    const [fresh, decided] = await Promise.all([
      pb.collection('applications').getFullList({ filter: "status = 'new'", sort: 'created', requestKey: null }),
      pb.collection('applications').getList(1, 50, { filter: "status != 'new'", sort: '-decided_at', requestKey: null }),
    ]);
    return { ok: true, fresh, decided: decided.items };
  } catch (error) {
    return { ok: false, reason: failureReason(error) };
  }
}

export async function decideApplication(
  id: string,
  decision: 'accept' | 'decline',
  note: string,
): Promise<{ ok: true } | { ok: false; refusal?: Refusal; reason: FailureReason }> {
  try {
    await pb.send(`/api/coffice/applications/${id}/decide`, { method: 'POST', body: { decision, note: note.trim() }, requestKey: null });
    return { ok: true };
  } catch (error) {
    return { ok: false, refusal: refusalOf(error), reason: failureReason(error) };
  }
}
