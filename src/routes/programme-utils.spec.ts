import { describe, expect, it } from 'vitest';
import type { EventRecord } from '$lib/pocketbase/types';
import { dayOf } from '$lib/time/venue-clock';
import { filterProgramme, groupByDay } from './programme-utils';

const event = (id: string, starts: string, fields: Partial<EventRecord> = {}): EventRecord =>
  ({
    id,
    title: `Event ${id}`,
    summary: '',
    description: '',
    speaker: '',
    kind: 'talk',
    space: 'hall',
    status: 'published',
    starts,
    ends: starts.replace(/T(\d\d)/, (_, h) => `T${String(Number(h) + 1).padStart(2, '0')}`),
    ...fields,
  }) as EventRecord;

const NOW = new Date('2026-11-28T10:00:00Z');
const events = [
  event('past', '2026-11-27T08:00:00Z'),
  event('today', '2026-11-28T16:00:00Z', { title: 'Frukostmöte på torget', kind: 'breakfast' }),
  event('tomorrow', '2026-11-29T08:00:00Z', { space: 'room', speaker: 'Karin Åström' }),
  event('draft', '2026-11-29T09:00:00Z', { status: 'draft' }),
  event('late', '2026-11-28T22:30:00Z'),
];
const base = { kind: '' as const, room: '', search: '', past: false, now: NOW };

describe('the programme filter', () => {
  it('shows coming events in order, never drafts', () => {
    expect(filterProgramme(events, base).map((e) => e.id)).toEqual(['today', 'late', 'tomorrow']);
  });
  it('shows past events newest first', () => {
    expect(filterProgramme(events, { ...base, past: true }).map((e) => e.id)).toEqual(['past']);
  });
  it('filters by kind, room and words, ignoring case and accents', () => {
    expect(filterProgramme(events, { ...base, kind: 'breakfast' }).map((e) => e.id)).toEqual(['today']);
    expect(filterProgramme(events, { ...base, room: 'room' }).map((e) => e.id)).toEqual(['tomorrow']);
    expect(filterProgramme(events, { ...base, search: 'FRUKOST torget' }).map((e) => e.id)).toEqual(['today']);
    expect(filterProgramme(events, { ...base, search: 'astrom' }).map((e) => e.id)).toEqual(['tomorrow']);
  });
  it('groups by the venue’s day (23:30 in Stockholm is still that day)', () => {
    const days = groupByDay(filterProgramme(events, base), dayOf);
    expect(days.map((d) => [d.key, d.events.map((e) => e.id)])).toEqual([
      ['2026-11-28', ['today', 'late']],
      ['2026-11-29', ['tomorrow']],
    ]);
  });
});
