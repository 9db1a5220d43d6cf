// Builds iCalendar (RFC 5545) text for Coffice events with ical-generator. Pure: the
// browser uses it for "Add to my calendar" and scripts/build-vendor.mjs bundles
// it for PocketBase's hooks (the personal feed), so both speak exactly the same calendar.
import ical, { ICalEventStatus, type ICalTemporalInstantStub, type ICalTemporalZonedDateTimeStub } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { venueWallClock } from '../time/venue-clock';

// the server's hooks read the venue clock from the same bundle (no Intl in goja)
export { venueWallClock };

export const VENUE_TIME_ZONE = 'Europe/Stockholm';

export interface CalendarEntry {
  /** the event's record id: the UID stays the same across edits and between .ics and feed */
  id: string;
  title: string;
  summary?: string;
  description?: string;
  speaker?: string;
  room?: string;
  /** UTC instants in milliseconds */
  starts: number;
  ends: number;
  /** when the event was last edited (ms): DTSTAMP, LAST-MODIFIED and SEQUENCE follow it */
  updated: number;
  cancelled?: boolean;
  /** the person is on the waitlist: shown as tentative, marked in the title */
  waitlisted?: boolean;
  /** link to the event page */
  url?: string;
  /** a whole venue day (YYYY-MM-DD), e.g. a desk day: written as an all-day event of that date */
  day?: string;
}

export interface CalendarWords {
  calendarName: string;
  /** prefix for a cancelled event's title, e.g. "INSTÄLLT" */
  cancelled: string;
  /** prefix for an event the person is waitlisted for, e.g. "Väntelista" */
  waitlisted: string;
  /** label before the speaker's name in the description, e.g. "Talare" */
  speaker: string;
}

/**
 * The VTIMEZONE for the venue. The library files Europe/Stockholm under its tz-database
 * link target Europe/Berlin (same rules since 1980); the definition is relabelled so the
 * TZID matches what DTSTART and DTEND name and calendar apps show "Stockholm".
 */
export function venueTimezoneBlock(zone: string): string | null {
  if (zone !== VENUE_TIME_ZONE) return null;
  const block = tzlib_get_ical_block(zone, false);
  const text = Array.isArray(block) ? block[0] : block;
  if (!text) throw new Error(`No VTIMEZONE for ${zone}`);
  return text.replace(/^TZID:.*$/m, `TZID:${zone}`).replace(/^X-LIC-LOCATION:.*$/m, `X-LIC-LOCATION:${zone}`);
}

/**
 * An instant for ical-generator's Temporal interfaces. The venue's wall clock comes from
 * venue-clock.ts, not from Intl or the machine's own zone, so the digits after TZID are
 * the same in a browser anywhere and on the server.
 */
function venueInstant(epochMs: number): ICalTemporalInstantStub {
  const iso = new Date(epochMs).toISOString();
  const zoned = (timeZoneId: string): ICalTemporalZonedDateTimeStub => {
    if (timeZoneId !== VENUE_TIME_ZONE && timeZoneId !== 'UTC') throw new Error(`Unsupported zone ${timeZoneId}`);
    const clock = timeZoneId === 'UTC' ? utcClock(epochMs) : venueWallClock(epochMs);
    const plain = {
      ...clock,
      toJSON: () => iso,
      toString: () => iso,
      toPlainDate: () => ({ year: clock.year, month: clock.month, day: clock.day, toJSON: () => iso, toString: () => iso }),
      toZonedDateTime: (zone: string) => zoned(zone),
    };
    return {
      ...clock,
      timeZoneId,
      toInstant: () => instant,
      toJSON: () => iso,
      toString: () => iso,
      toPlainDateTime: () => plain,
      withTimeZone: (zone: string) => zoned(zone),
    };
  };
  const instant: ICalTemporalInstantStub = {
    epochMilliseconds: epochMs,
    toJSON: () => iso,
    toString: () => iso,
    toZonedDateTimeISO: (zone: string) => zoned(zone),
  };
  return instant;
}

function utcClock(epochMs: number) {
  const d = new Date(epochMs);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

function titleFor(entry: CalendarEntry, words: CalendarWords): string {
  if (entry.cancelled) return `${words.cancelled}: ${entry.title}`;
  if (entry.waitlisted) return `${words.waitlisted}: ${entry.title}`;
  return entry.title;
}

function descriptionFor(entry: CalendarEntry, words: CalendarWords): string {
  const parts = [entry.summary, entry.speaker ? `${words.speaker}: ${entry.speaker}` : '', entry.description, entry.url];
  return parts.filter((part) => part && part.trim()).join('\n\n');
}

export interface CalendarOptions {
  /** for a subscribed feed: how often calendar apps should fetch it again (REFRESH-INTERVAL) */
  refreshSeconds?: number;
}

/** The whole VCALENDAR text (CRLF line ends, folded at 75 octets) for these events. */
export function buildCalendar(entries: CalendarEntry[], words: CalendarWords, options: CalendarOptions = {}): string {
  const calendar = ical({
    prodId: { company: 'Coffice', product: 'Coffice', language: 'SV' },
    name: words.calendarName,
    ttl: options.refreshSeconds ?? null,
    // no calendar-wide zone name: ical-generator would then write DTSTAMP without the
    // "Z" RFC 5545 requires; each event names the venue's zone and the generator adds
    // the VTIMEZONE for it.
    timezone: { name: null, generator: venueTimezoneBlock },
  });
  for (const entry of entries) {
    if (entry.day) {
      calendar.createEvent({ ...common(entry, words), ...allDay(entry.day) });
      continue;
    }
    calendar.createEvent({
      id: `${entry.id}@coffice`,
      // later edits carry a higher SEQUENCE, so a calendar app replaces its older copy
      sequence: Math.floor(entry.updated / 60_000),
      stamp: new Date(entry.updated),
      lastModified: new Date(entry.updated),
      start: venueInstant(entry.starts),
      end: venueInstant(entry.ends),
      timezone: VENUE_TIME_ZONE,
      summary: titleFor(entry, words),
      description: descriptionFor(entry, words) || null,
      location: entry.room || null,
      url: entry.url || null,
      status: entry.cancelled ? ICalEventStatus.CANCELLED : entry.waitlisted ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

function common(entry: CalendarEntry, words: CalendarWords) {
  return {
    id: `${entry.id}@coffice`,
    sequence: Math.floor(entry.updated / 60_000),
    stamp: new Date(entry.updated),
    lastModified: new Date(entry.updated),
    summary: titleFor(entry, words),
    description: descriptionFor(entry, words) || null,
    location: entry.room || null,
    url: entry.url || null,
  };
}

/** DTSTART;VALUE=DATE of the day and DTEND;VALUE=DATE of the next: a date has no zone, so the
 * generator is given the calendar date as a UTC midnight and no zone. */
function allDay(day: string) {
  const [year, month, date] = day.split('-').map(Number);
  return {
    allDay: true,
    timezone: null,
    start: new Date(Date.UTC(year, month - 1, date)),
    end: new Date(Date.UTC(year, month - 1, date + 1)),
    status: ICalEventStatus.CONFIRMED,
  };
}
