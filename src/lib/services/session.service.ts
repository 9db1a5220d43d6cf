// What every screen needs of the signed-in session: refreshing it on start and speaking the
// person's language. Kept apart from signing in and the profile (only /me needs those), so
// the shell every screen loads stays small.
import { pb, failureReason, signedInUser } from '$lib/pocketbase/client';
import type { Locale } from '$lib/pocketbase/types';
import { getLocale, setLocale } from '$lib/i18n';

/** The signed-in record keeps its company expanded, so the profile shows it offline too. */
export const WITH_COMPANY = { expand: 'company' };

/** The app speaks the person's language from the moment they sign in (setLocale reloads). */
export function followProfileLanguage() {
  const locale = signedInUser()?.locale;
  if ((locale === 'sv' || locale === 'en') && locale !== getLocale()) void setLocale(locale);
}

/** Refreshes the session on start; only a 401/403 signs the person out (offline keeps them in). */
export async function refreshSession(): Promise<void> {
  if (!pb.authStore.isValid) return;
  try {
    await pb.collection('users').authRefresh(WITH_COMPANY);
  } catch (error) {
    const reason = failureReason(error);
    if (reason === 'unauthorized' || reason === 'forbidden') pb.authStore.clear();
  }
}

/** The header's language switch: remembered in the profile too when someone is signed in. */
export async function chooseLanguage(locale: Locale): Promise<void> {
  const user = signedInUser();
  if (user && user.locale !== locale) {
    try {
      await pb.collection('users').update(user.id, { locale }, WITH_COMPANY);
    } catch {
      // offline or refused: the device still switches; the profile keeps its language
    }
  }
  if (locale !== getLocale()) void setLocale(locale);
}
