// "Add to my calendar" for one event: the .ics text and a helper that hands it to the
// phone. Import lazily (AddToCalendar.svelte does): ical-generator and the time-zone
// table are not needed for the programme's first render.
import type { ProgrammeEvent } from '$lib/services/programme.service';
import { fromStored } from '$lib/time/venue-clock';
import { VENUE } from '$lib/venue.svelte';
import { buildCalendar, type CalendarEntry, type CalendarWords } from './calendar-builder';

export type { CalendarWords };

export function calendarEntryFor(event: ProgrammeEvent, origin: string): CalendarEntry {
  return {
    id: event.id,
    title: event.title,
    summary: event.summary,
    description: event.description,
    speaker: event.speaker,
    // LOCATION: the room, then the venue's name and address (its settings), as the feed writes it
    room: [event.expand?.space?.name, VENUE.name, VENUE.address].filter(Boolean).join(', '),
    starts: fromStored(event.starts).getTime(),
    ends: fromStored(event.ends).getTime(),
    updated: fromStored(event.updated).getTime(),
    cancelled: event.status === 'cancelled',
    url: `${origin}/events/${event.id}`,
  };
}

/** The .ics text for one event, with the venue's time zone. */
export function eventIcs(event: ProgrammeEvent, origin: string, words: CalendarWords): string {
  return buildCalendar([calendarEntryFor(event, origin)], words);
}

/** A file name a person recognises in their downloads: the title, safe on every system. */
export function icsFileName(event: Pick<ProgrammeEvent, 'title'>): string {
  const base = event.title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'coffice'}.ics`;
}

/**
 * Hands the calendar file to the device as `text/calendar`: iOS and Android open it in
 * the calendar app (or offer to), desktop browsers save it.
 */
export function downloadIcs(text: string, fileName: string): void {
  const blob = new Blob([text], { type: 'text/calendar;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // the download has started from the click; the object URL is not needed after it
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
