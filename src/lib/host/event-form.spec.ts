import { describe, expect, it } from 'vitest';
import type { EventRecord } from '$lib/pocketbase/types';
import { emptyEventForm, formValuesFor, problemFromServer, readEventForm, shelfOf, type EventFormValues } from './event-form';

const filled = (values: Partial<EventFormValues> = {}): EventFormValues => ({
  ...emptyEventForm(),
  title: '  Frukostmöte  ',
  starts: '2027-03-29T08:00',
  ends: '2027-03-29T09:30',
  capacity: '40',
  ...values,
});

describe('reading the host event form', () => {
  it('turns venue times into UTC instants across the summer-time change', () => {
    const winter = readEventForm(filled({ starts: '2027-03-27T18:00', ends: '2027-03-27T19:00' }));
    const summer = readEventForm(filled({ starts: '2027-03-29T18:00', ends: '2027-03-29T19:00' }));
    expect(winter.ok && winter.fields.starts).toBe('2027-03-27T17:00:00.000Z');
    expect(summer.ok && summer.fields.starts).toBe('2027-03-29T16:00:00.000Z');
    expect(summer.ok && summer.fields.title).toBe('Frukostmöte');
    expect(summer.ok && summer.fields.capacity).toBe(40);
  });

  it('takes an empty capacity as unlimited', () => {
    const result = readEventForm(filled({ capacity: ' ' }));
    expect(result.ok && result.fields.capacity).toBe(0);
  });

  it.each([
    [{ title: ' ' }, ['title_missing']],
    [{ starts: '' }, ['starts_invalid']],
    [{ ends: '2027-02-30T10:00' }, ['ends_invalid']],
    [{ ends: '2027-03-29T08:00' }, ['ends_before_starts']],
    [{ ends: '2027-03-29T07:00' }, ['ends_before_starts']],
    [{ ends: '2027-04-06T08:00' }, ['too_long']],
    [{ capacity: '-1' }, ['capacity_invalid']],
    [{ capacity: '2.5' }, ['capacity_invalid']],
    [{ capacity: 'tio' }, ['capacity_invalid']],
    [{ title: '', capacity: 'x', starts: 'x' }, ['title_missing', 'starts_invalid', 'capacity_invalid']],
  ])('%j → %j', (values, codes) => {
    const result = readEventForm(filled(values));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.code)).toEqual(codes);
  });

  it('refuses to move a published event into the past, judged by the given clock', () => {
    const now = Date.parse('2027-03-29T08:00:00Z');
    const moved = readEventForm(filled({ starts: '2027-03-29T08:00', ends: '2027-03-29T09:30' }), { endsBefore: '2027-04-01T10:00', now });
    expect(!moved.ok && moved.problems.map((p) => p.code)).toEqual(['event_ended']);
    // an unchanged end (fixing a past event's text) and a draft are fine
    expect(readEventForm(filled(), { endsBefore: '2027-03-29T09:30', now }).ok).toBe(true);
    expect(readEventForm(filled(), null).ok).toBe(true);
    expect(readEventForm(filled({ ends: '2027-03-29T10:30' }), { endsBefore: '', now }).ok).toBe(true);
  });

  it('starts a new event with an empty capacity (unlimited) and shows 0 as empty', () => {
    expect(emptyEventForm().capacity).toBe('');
    expect(
      formValuesFor({ starts: '2027-10-31 00:30:00.000Z', ends: '2027-10-31 02:30:00.000Z', capacity: 0 } as EventRecord).capacity,
    ).toBe('');
  });

  it('fills the form from a stored event in venue time', () => {
    const values = formValuesFor({
      title: 'Kurs',
      summary: '',
      description: '',
      kind: 'course',
      speaker: '',
      space: 'abc',
      starts: '2027-10-31 00:30:00.000Z',
      ends: '2027-10-31 02:30:00.000Z',
      capacity: 12,
      reentry: true,
    } as EventRecord);
    expect([values.starts, values.ends, values.capacity, values.reentry]).toEqual(['2027-10-31T02:30', '2027-10-31T03:30', '12', true]);
  });
});

describe('server refusals', () => {
  const refused = (code: string, params?: Record<string, unknown>) => ({
    anyField: { code, message: 'Words the app never reads.', params },
  });
  it.each([
    ['event_capacity_below_confirmed', { confirmed: 3 }, { field: 'capacity', code: 'capacity_below_confirmed', confirmed: 3 }],
    ['event_ends_before_starts', undefined, { field: 'ends', code: 'ends_before_starts' }],
    ['event_stays_cancelled', undefined, { field: 'status', code: 'stays_cancelled' }],
    ['event_has_registrations', undefined, { field: 'status', code: 'has_registrations' }],
    ['event_ended', undefined, { field: 'ends', code: 'event_ended' }],
    ['event_title_missing', undefined, { field: 'title', code: 'title_missing' }],
  ])('reads %s by its code alone', (code, params, problem) => {
    expect(problemFromServer(refused(code, params))).toEqual(problem);
  });

  it('names a code it has no words for, and says "invalid" when the refusal has no code', () => {
    expect(problemFromServer(refused('event_something_new'))).toEqual({ field: 'form', code: 'server', serverCode: 'event_something_new' });
    expect(problemFromServer({})).toEqual({ field: 'form', code: 'server', serverCode: 'invalid' });
  });

  it('prefers a code it knows over PocketBase’s own field codes beside it', () => {
    const data = { title: { code: 'validation_max_text_constraint' }, ends: { code: 'event_too_long' } };
    expect(problemFromServer(data)).toEqual({ field: 'ends', code: 'too_long' });
  });
});

describe('shelves', () => {
  const now = Date.parse('2027-03-01T12:00:00Z');
  it.each([
    [{ status: 'draft', ends: '2026-01-01 10:00:00.000Z' }, 'drafts'],
    [{ status: 'published', ends: '2027-03-01 11:59:00.000Z' }, 'past'],
    [{ status: 'cancelled', ends: '2027-03-01 12:01:00.000Z' }, 'upcoming'],
  ] as const)('%j is on %s', (event, shelf) => {
    expect(shelfOf(event, now)).toBe(shelf);
  });
});
