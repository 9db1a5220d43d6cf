// Dates and times as the venue sees them: Europe/Stockholm, in the reader's language. Days,
// instants and stored dates are venue-clock.ts's; this file only puts them into words.
export const VENUE_TIME_ZONE = 'Europe/Stockholm';

type LocaleTag = 'sv' | 'en';

/** The Intl locale of an app language. */
export const intlLocale = (locale: LocaleTag) => (locale === 'sv' ? 'sv-SE' : 'en-GB');

// Making a formatter costs far more than using one (a programme formats hundreds of dates),
// so each kind is made once per language.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(locale, { timeZone: VENUE_TIME_ZONE, ...options })));
  return format;
}

export function formatDayHeading(date: Date, locale: LocaleTag): string {
  return formatter(intlLocale(locale), { weekday: 'long', day: 'numeric', month: 'long' }).format(date);
}

export function formatTime(date: Date, locale: LocaleTag): string {
  return formatter(intlLocale(locale), { hour: '2-digit', minute: '2-digit' }).format(date);
}

export function formatTimeRange(starts: Date, ends: Date, locale: LocaleTag): string {
  return `${formatTime(starts, locale)}–${formatTime(ends, locale)}`;
}

export function formatDateTime(date: Date, locale: LocaleTag): string {
  return `${formatDayHeading(date, locale)} ${formatTime(date, locale)}`;
}

/** "5 minutes ago" / "för 5 minuter sedan", for how fresh the device's copy is. */
export function formatAgo(then: number, now: number, locale: LocaleTag): string {
  const minutes = Math.round((now - then) / 60_000);
  const format = new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: 'auto' });
  if (Math.abs(minutes) < 60) return format.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 48) return format.format(-hours, 'hour');
  return format.format(-Math.round(hours / 24), 'day');
}
