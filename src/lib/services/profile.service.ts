// The signed-in person's own profile and data rights: edit, language, download, delete.
import { pb, signedInUser } from '$lib/pocketbase/client';
import type { Locale, MailNotices } from '$lib/pocketbase/types';
import { getLocale, setLocale } from '$lib/i18n';
import { accountReason, nameProblem, type AccountResult } from './account-reasons';

export interface ProfileFields {
  name: string;
  locale: Locale;
  show_presence: boolean;
  /** in the member directory, with the headline */
  listed: boolean;
  headline: string;
}

export const HEADLINE_MAX = 80;

/** Saves the profile; a new language takes over the whole app at once (setLocale reloads). */
export async function saveProfile(fields: ProfileFields): Promise<AccountResult> {
  const user = signedInUser();
  if (!user) return { ok: false, reason: 'unauthorized' };
  const problem = nameProblem(fields.name);
  if (problem) return { ok: false, reason: problem };
  try {
    await pb.collection('users').update(
      user.id,
      {
        name: fields.name.trim(),
        locale: fields.locale,
        show_presence: fields.show_presence,
        listed: fields.listed,
        headline: fields.headline.trim().slice(0, HEADLINE_MAX),
      },
      { expand: 'company' },
    );
    if (fields.locale !== getLocale()) void setLocale(fields.locale);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: accountReason(error) };
  }
}

/** Which notices reach me by mail (sign-in codes always do); online, like the rest of the profile. */
export async function saveMailNotices(choice: MailNotices): Promise<AccountResult> {
  const user = signedInUser();
  if (!user) return { ok: false, reason: 'unauthorized' };
  try {
    await pb.collection('users').update(user.id, { mail_notices: choice }, { expand: 'company' });
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: accountReason(error) };
  }
}

/** Only the name: asked for on an event page before someone without one registers. */
export async function saveName(name: string): Promise<AccountResult> {
  const user = signedInUser();
  if (!user) return { ok: false, reason: 'unauthorized' };
  const problem = nameProblem(name);
  if (problem) return { ok: false, reason: problem };
  try {
    await pb.collection('users').update(user.id, { name: name.trim() }, { expand: 'company' });
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: accountReason(error) };
  }
}

/** Everything the venue keeps about me, saved as a JSON file. */
export async function downloadMyData(): Promise<AccountResult> {
  try {
    const data = await pb.send('/api/coffice/me/export', { method: 'GET' });
    const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = 'coffice-my-data.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: accountReason(error) };
  }
}

export async function deleteMyAccount(confirmEmail: string): Promise<AccountResult> {
  const user = signedInUser();
  if (!user) return { ok: false, reason: 'unauthorized' };
  if (confirmEmail.trim().toLowerCase() !== user.email.toLowerCase()) return { ok: false, reason: 'confirm_mismatch' };
  try {
    await pb.send('/api/coffice/me/delete', { method: 'POST', body: { confirm: confirmEmail.trim() } });
    pb.authStore.clear();
    return { ok: true };
  } catch (error) {
    const reason = accountReason(error);
    return { ok: false, reason: reason === 'invalid' ? 'confirm_mismatch' : reason };
  }
}
