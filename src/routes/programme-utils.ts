// Pure helpers of the programme screen: which events to show, grouped by the venue's day.
import type { EventKind, EventRecord } from '$lib/pocketbase/types';
import { fromStored } from '$lib/time/venue-clock';

export interface ProgrammeFilter {
  kind: EventKind | '';
  room: string;
  search: string;
  /** past events (newest first) instead of today and coming ones */
  past: boolean;
  now: Date;
}

const fold = (text: string) =>
  text
    .toLocaleLowerCase('sv')
    .normalize('NFKD')
    .replace(/\p{Diacritic}/gu, '');

export function filterProgramme(events: EventRecord[], filter: ProgrammeFilter): EventRecord[] {
  const words = fold(filter.search).split(/\s+/).filter(Boolean);
  const now = filter.now.getTime();
  const shown = events.filter((event) => {
    if (event.status === 'draft') return false;
    const ended = fromStored(event.ends).getTime() < now;
    if (ended !== filter.past) return false;
    if (filter.kind && event.kind !== filter.kind) return false;
    if (filter.room && event.space !== filter.room) return false;
    if (words.length === 0) return true;
    const haystack = fold(`${event.title} ${event.summary} ${event.speaker} ${event.description}`);
    return words.every((word) => haystack.includes(word));
  });
  // stored times sort as text; a plain comparison (not localeCompare) keeps 1,000 events cheap
  const order = (a: EventRecord, b: EventRecord) => (a.starts < b.starts ? -1 : a.starts > b.starts ? 1 : 0);
  return shown.sort(filter.past ? (a, b) => order(b, a) : order);
}

export function groupByDay(events: EventRecord[], dayOf: (date: Date) => string) {
  const days: { key: string; events: EventRecord[] }[] = [];
  for (const event of events) {
    const key = dayOf(fromStored(event.starts));
    const last = days.at(-1);
    if (last?.key === key) last.events.push(event);
    else days.push({ key, events: [event] });
  }
  return days;
}
