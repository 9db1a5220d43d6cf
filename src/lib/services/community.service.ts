// The community (/community): who is here today, live; the member directory; one's own
// company's profile; "who was here" after an event. Online only: none of it is kept on the
// device (it is about other people, and "here" is only true now).
import { ClientResponseError } from 'pocketbase';
import { pb } from '$lib/pocketbase/client';
import type { CompanyRecord } from '$lib/pocketbase/types';
import { accountReason, logoProblem, type AccountResult } from './account-reasons';
import type { CompanyFieldErrors, CompanySaveResult } from './companies.service';

export interface HerePerson {
  name: string;
  company: string;
  /** when they came in (stored form) */
  since: string;
}
export interface ListedPerson {
  id: string;
  name: string;
  headline: string;
  company: string;
  company_id?: string;
}

/** The record the server saves (no data but its times) when someone comes or goes; followed by realtime. */
export const HERE_TOPIC = 'here_signals/heretodaysignal';

const get = <T>(path: string) => pb.send<T>(path, { method: 'GET', requestKey: null });

export async function loadHere(): Promise<AccountResult<{ people: HerePerson[] }>> {
  try {
    return { ok: true, people: (await get<{ people: HerePerson[] }>('/api/coffice/here')).people };
  } catch (error) {
    return { ok: false, reason: accountReason(error) };
  }
}

export async function loadDirectory(): Promise<AccountResult<{ companies: CompanyRecord[]; people: ListedPerson[] }>> {
  try {
    const [companies, directory] = await Promise.all([
      pb.collection('companies').getFullList({ sort: 'name', requestKey: null }),
      get<{ people: ListedPerson[] }>('/api/coffice/directory'),
    ]);
    return { ok: true, companies, people: directory.people };
  } catch (error) {
    return { ok: false, reason: accountReason(error) };
  }
}

/**
 * Calls `changed` whenever "here today" may have changed (someone came or went, or changed
 * their choice) and on every (re)connect, since missed messages are not replayed. Returns the
 * way to stop.
 */
export async function followHere(changed: () => void): Promise<() => void> {
  const stops = await Promise.all([pb.realtime.subscribe(HERE_TOPIC, changed), pb.realtime.subscribe('PB_CONNECT', changed)]);
  return () => stops.forEach((stop) => void stop().catch(() => undefined));
}

export interface OwnCompanyFields {
  about: string;
  offers: string;
  seeks: string;
  website: string;
}

/** A member edits their own company's profile; its name, tags, seat and listing stay the host's. */
export async function saveOwnCompany(id: string, fields: OwnCompanyFields, logo: File | null): Promise<CompanySaveResult> {
  if (logo) {
    const problem = logoProblem(logo);
    if (problem) return { ok: false, reason: problem };
  }
  const form = new FormData();
  for (const key of ['about', 'offers', 'seeks', 'website'] as const) form.append(key, fields[key].trim());
  if (logo) form.append('logo', logo);
  try {
    return { ok: true, company: await pb.collection('companies').update(id, form) };
  } catch (error) {
    const fieldErrors =
      error instanceof ClientResponseError && error.status === 400 ? (error.response?.data as CompanyFieldErrors | undefined) : undefined;
    return { ok: false, reason: accountReason(error), fieldErrors };
  }
}
