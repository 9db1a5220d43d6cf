// The host's event form as pure logic: what the fields hold (times in venue time), what
// is wrong with them, and the server's refusals read back as the same kinds of problem.
import { EVENT_KINDS, type EventRecord } from '$lib/pocketbase/types';
import { fromStored, fromVenueInputValue, toVenueInputValue } from '$lib/time/venue-clock';

export { EVENT_KINDS };
const MAX_LENGTH_MS = 7 * 24 * 3600 * 1000;

/** What is sent to the server (times as UTC ISO strings). */
export type EventFields = Pick<
  EventRecord,
  'title' | 'summary' | 'description' | 'kind' | 'speaker' | 'space' | 'starts' | 'ends' | 'capacity' | 'reentry'
>;

/** What the form holds: `starts`/`ends` as `YYYY-MM-DDTHH:mm` in venue time (datetime-local),
 * capacity as typed (empty or 0 = unlimited; a new event starts empty). */
export type EventFormValues = Omit<EventFields, 'capacity'> & { capacity: string };

export type EventProblem =
  | { field: 'title'; code: 'title_missing' }
  | { field: 'starts'; code: 'starts_invalid' }
  | { field: 'ends'; code: 'ends_invalid' | 'ends_before_starts' | 'too_long' | 'event_ended' }
  | { field: 'capacity'; code: 'capacity_invalid' }
  | { field: 'capacity'; code: 'capacity_below_confirmed'; confirmed: number }
  | { field: 'status'; code: 'stays_cancelled' | 'has_registrations' }
  | { field: 'form'; code: 'server'; message: string };

export function emptyEventForm(): EventFormValues {
  return {
    title: '',
    summary: '',
    description: '',
    kind: 'talk',
    speaker: '',
    space: '',
    starts: '',
    ends: '',
    capacity: '',
    reentry: false,
  };
}

export function formValuesFor(event: EventRecord): EventFormValues {
  const instant = (stored: string) => fromStored(stored).getTime();
  return {
    title: event.title,
    summary: event.summary,
    description: event.description,
    kind: event.kind,
    speaker: event.speaker,
    space: event.space,
    starts: toVenueInputValue(instant(event.starts)),
    ends: toVenueInputValue(instant(event.ends)),
    capacity: event.capacity ? String(event.capacity) : '',
    reentry: event.reentry,
  };
}

/** Whether an event that ends at `ends` (UTC ms) is over at `now`: it cannot be published then. */
export function hasEnded(ends: number, now: number): boolean {
  return ends <= now;
}

/** Either the fields to send or every problem at once (a person fixes them together).
 * `published`: the event is (or is about to be) published, so its end may not be moved
 * into the past; `now` is the clock to judge that by. */
export function readEventForm(
  values: EventFormValues,
  published: { endsBefore?: string; now: number } | null = null,
): { ok: true; fields: EventFields } | { ok: false; problems: EventProblem[] } {
  const problems: EventProblem[] = [];
  const title = values.title.trim();
  if (!title) problems.push({ field: 'title', code: 'title_missing' });
  const starts = fromVenueInputValue(values.starts);
  const ends = fromVenueInputValue(values.ends);
  if (starts === null) problems.push({ field: 'starts', code: 'starts_invalid' });
  if (ends === null) problems.push({ field: 'ends', code: 'ends_invalid' });
  else if (starts !== null && ends <= starts) problems.push({ field: 'ends', code: 'ends_before_starts' });
  else if (starts !== null && ends - starts > MAX_LENGTH_MS) problems.push({ field: 'ends', code: 'too_long' });
  else if (published && values.ends !== published.endsBefore && hasEnded(ends, published.now)) {
    problems.push({ field: 'ends', code: 'event_ended' });
  }
  const capacityText = values.capacity.trim();
  const capacity = capacityText === '' ? 0 : Number(capacityText);
  if (!/^\d*$/.test(capacityText) || !Number.isInteger(capacity) || capacity > 10000) {
    problems.push({ field: 'capacity', code: 'capacity_invalid' });
  }
  if (problems.length > 0 || starts === null || ends === null) return { ok: false, problems };
  return {
    ok: true,
    fields: {
      title,
      summary: values.summary.trim(),
      description: values.description.trim(),
      kind: values.kind,
      speaker: values.speaker.trim(),
      space: values.space,
      starts: new Date(starts).toISOString(),
      ends: new Date(ends).toISOString(),
      capacity,
      reentry: values.reentry,
    },
  };
}

/** The server's plain-English refusal (pb_hooks/lib/events.js) as a problem the UI words. */
export function problemFromServer(message: string, data: Record<string, { code?: string }> = {}): EventProblem {
  if (data.ends?.code === 'event_ended') return { field: 'ends', code: 'event_ended' };
  const below = /^(\d+) people are already confirmed/.exec(message);
  if (below) return { field: 'capacity', code: 'capacity_below_confirmed', confirmed: Number(below[1]) };
  if (/give the event a title/i.test(message)) return { field: 'title', code: 'title_missing' };
  if (/end after it starts/i.test(message)) return { field: 'ends', code: 'ends_before_starts' };
  if (/at most 7 days/i.test(message)) return { field: 'ends', code: 'too_long' };
  if (/capacity must be/i.test(message)) return { field: 'capacity', code: 'capacity_invalid' };
  if (/stays cancelled/i.test(message)) return { field: 'status', code: 'stays_cancelled' };
  if (/cancel it instead/i.test(message)) return { field: 'status', code: 'has_registrations' };
  return { field: 'form', code: 'server', message };
}

export type EventShelf = 'upcoming' | 'past' | 'drafts';

/** Which list a host finds an event in: drafts apart, then by whether it has ended. */
export function shelfOf(event: Pick<EventRecord, 'status' | 'ends'>, now: number): EventShelf {
  if (event.status === 'draft') return 'drafts';
  const ends = fromStored(event.ends).getTime();
  return ends < now ? 'past' : 'upcoming';
}
