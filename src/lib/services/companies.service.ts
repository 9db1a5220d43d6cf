// Member companies: members and hosts read them all (others the listed ones); hosts create and edit them (the server refuses
// others) and upload a logo, which must really be a PNG, JPEG or WebP of at most 1 MB.
import { ClientResponseError } from 'pocketbase';
import { pb } from '$lib/pocketbase/client';
import type { CompanyRecord } from '$lib/pocketbase/types';
import { accountReason, logoProblem, type AccountReason, type AccountResult } from './account-reasons';

/** The server's field errors (field → code), so the form can name each refused field. */
export type CompanyFieldErrors = Record<string, { code?: string } | undefined>;
export type CompanySaveResult =
  { ok: true; company: CompanyRecord } | { ok: false; reason: AccountReason; fieldErrors?: CompanyFieldErrors };

export interface CompanyFields {
  name: string;
  about: string;
  website: string;
  seat: 'fixed' | 'flex';
  offers: string;
  seeks: string;
  /** trades, comma-separated as typed */
  tags: string;
  /** shown on the public /join */
  listed: boolean;
}

/** "design, PR ,design" → ["design", "PR"]: trimmed, no empties, each once. */
export function tagsFromText(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim().slice(0, 40))
        .filter(Boolean),
    ),
  ].slice(0, 20);
}

export async function listCompanies(): Promise<AccountResult<{ companies: CompanyRecord[] }>> {
  try {
    return { ok: true, companies: await pb.collection('companies').getFullList({ sort: 'name' }) };
  } catch (error) {
    return { ok: false, reason: accountReason(error) };
  }
}

/** Creates (no id) or updates a company; a logo file is checked here first, then by the server. */
export async function saveCompany(id: string | null, fields: CompanyFields, logo: File | null): Promise<CompanySaveResult> {
  if (logo) {
    const problem = logoProblem(logo);
    if (problem) return { ok: false, reason: problem };
  }
  const form = new FormData();
  form.append('name', fields.name.trim());
  form.append('about', fields.about.trim());
  form.append('website', fields.website.trim());
  form.append('seat', fields.seat);
  form.append('offers', fields.offers.trim());
  form.append('seeks', fields.seeks.trim());
  form.append('tags', JSON.stringify(tagsFromText(fields.tags)));
  form.append('listed', String(fields.listed));
  if (logo) form.append('logo', logo);
  try {
    const company = id ? await pb.collection('companies').update(id, form) : await pb.collection('companies').create(form);
    return { ok: true, company };
  } catch (error) {
    const fieldErrors =
      error instanceof ClientResponseError && error.status === 400 ? (error.response?.data as CompanyFieldErrors | undefined) : undefined;
    return { ok: false, reason: accountReason(error), fieldErrors };
  }
}

export function logoUrl(company: CompanyRecord, thumb = '96x96'): string {
  // built here rather than by the SDK's file service, which the app's build leaves out
  const path = [company.collectionId, company.id, company.logo].map(encodeURIComponent).join('/');
  return company.logo ? pb.buildURL(`/api/files/${path}?thumb=${encodeURIComponent(thumb)}`) : '';
}
