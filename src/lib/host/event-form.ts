// The host's event form as pure logic: what the fields hold (times in venue time), what
// is wrong with them, and the server's refusal codes read back as the same kinds of problem.
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
  | { field: 'status'; code: 'stays_cancelled' | 'has_registrations' | 'status_invalid' | 'new_cancelled' }
  | { field: 'form'; code: 'server'; serverCode: string };

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

/** A refusal's field detail as PocketBase sends it (`data.field`). */
type FieldRefusal = { code?: unknown; params?: Record<string, unknown> } | null | undefined;

/** Every code the server refuses an event edit with (pb_hooks/lib/events.js; the list is in
 * docs/DECISIONS.md, and tests/unit/refusal-codes.spec.ts checks it against the hooks) and the
 * problem each is. */
export const EVENT_REFUSALS = {
  event_title_missing: () => ({ field: 'title', code: 'title_missing' }),
  event_status_invalid: () => ({ field: 'status', code: 'status_invalid' }),
  event_starts_missing: () => ({ field: 'starts', code: 'starts_invalid' }),
  event_ends_missing: () => ({ field: 'ends', code: 'ends_invalid' }),
  event_ends_before_starts: () => ({ field: 'ends', code: 'ends_before_starts' }),
  event_too_long: () => ({ field: 'ends', code: 'too_long' }),
  event_capacity_invalid: () => ({ field: 'capacity', code: 'capacity_invalid' }),
  event_new_cancelled: () => ({ field: 'status', code: 'new_cancelled' }),
  event_stays_cancelled: () => ({ field: 'status', code: 'stays_cancelled' }),
  event_has_registrations: () => ({ field: 'status', code: 'has_registrations' }),
  event_capacity_below_confirmed: (params) => ({
    field: 'capacity',
    code: 'capacity_below_confirmed',
    confirmed: Number(params?.confirmed) || 0,
  }),
  event_ended: () => ({ field: 'ends', code: 'event_ended' }),
} satisfies Record<string, (params?: Record<string, unknown>) => EventProblem>;
export type EventRefusalCode = keyof typeof EVENT_REFUSALS;

/** The server's refusal (its field codes, `data` of the answer) as a problem the UI words; a code
 * the app does not know becomes a problem of the whole form that names it. */
export function problemFromServer(data: Record<string, FieldRefusal> = {}): EventProblem {
  const fields = Object.values(data).filter((field) => typeof field?.code === 'string' && field.code !== '');
  for (const field of fields) {
    const code = field!.code as string;
    if (Object.prototype.hasOwnProperty.call(EVENT_REFUSALS, code)) return EVENT_REFUSALS[code as EventRefusalCode](field!.params);
  }
  return { field: 'form', code: 'server', serverCode: (fields[0]?.code as string | undefined) ?? 'invalid' };
}

export type EventShelf = 'upcoming' | 'past' | 'drafts';

/** Which list a host finds an event in: drafts apart, then by whether it has ended. */
export function shelfOf(event: Pick<EventRecord, 'status' | 'ends'>, now: number): EventShelf {
  if (event.status === 'draft') return 'drafts';
  const ends = fromStored(event.ends).getTime();
  return ends < now ? 'past' : 'upcoming';
}
