// What every compacted message calls (see scripts/lib/compact-messages.mjs): the person's
// language picks one of the two texts. Swedish unless the language is English, as Paraglide's
// own message functions decide.
import { getLocale } from '$lib/paraglide/runtime';

type Options = { locale?: 'sv' | 'en' };
const english = (options?: Options) => (options?.locale ?? getLocale()) === 'en';

/** A message without inputs. */
export const text =
  (sv: string, en: string) =>
  (_inputs?: unknown, options?: Options): string =>
    english(options) ? en : sv;

/** A message with inputs. */
export const localized =
  <I>(sv: (inputs: I) => string, en: (inputs: I) => string) =>
  (inputs: I, options?: Options): string =>
    (english(options) ? en : sv)(inputs);
