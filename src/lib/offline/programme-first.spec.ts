// A first visit paints the server's answer before the device has stored it (issue #17):
// the events puller hands the answer over first, stores it in pieces, moves the cursor last,
// and never takes back a copy realtime wrote meanwhile. Over a fake IndexedDB.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { AppPocketBase, EventRecord } from '$lib/pocketbase/types';
import { openCofficeDb, readMeta } from './db';
import { localWrites, withAnswer } from './merge';
import { eventsPuller, type ProgrammeAnswer } from './schedule-cache';

const event = (
  n: number,
  updated = '2026-11-30 21:00:00.000Z',
  starts = `2026-12-${String(1 + (n % 28)).padStart(2, '0')} 08:00:00.000Z`,
) =>
  ({
    id: `evt${String(n).padStart(12, '0')}`,
    collectionId: 'events',
    collectionName: 'events',
    title: `Programpunkt ${n}`,
    kind: 'talk',
    status: 'published',
    space: 'spc000000000001',
    capacity: 0,
    starts,
    ends: starts,
    created: updated,
    updated,
  }) as unknown as EventRecord;

/** A server with these events and one space; a delta answers `changed` (all of them unless given). */
function serverWith(events: EventRecord[], changed = events) {
  return {
    filter: (raw: string) => raw,
    collection: (name: string) => ({
      getList: async () => ({ items: changed }),
      getFullList: async () => (name === 'spaces' ? [{ id: 'spc000000000001', name: 'Salen' }] : events.map((e) => ({ id: e.id }))),
    }),
  } as unknown as AppPocketBase;
}

describe('the programme on a first visit', () => {
  it('is handed over before any of it is stored, then stored whole with the cursor last', async () => {
    const db = await openCofficeDb(`coffice-first-${Date.now()}`);
    const events = Array.from({ length: 300 }, (_, i) => event(i, `2026-11-30 21:00:${String(i % 60).padStart(2, '0')}.000Z`));
    const told: { answer: ProgrammeAnswer | null; stored: number; cursor: string | undefined }[] = [];
    const puller = eventsPuller(serverWith(events), db, (answer) => {
      // what the device held when the screens were told (read after the call, in order)
      const at = told.push({ answer, stored: -1, cursor: undefined }) - 1;
      void db.count('events').then((n) => (told[at].stored = n));
      void readMeta<string>(db, 'cursor:events').then((c) => (told[at].cursor = c));
    });
    await puller.pull();
    await db.count('events'); // the reads queued by the listener are answered by now

    expect(told).toHaveLength(2);
    expect(told[0].answer?.events).toHaveLength(300);
    expect(told[0].answer?.spaces.map((s) => s.id)).toEqual(['spc000000000001']);
    expect(told[0].stored).toBeLessThan(300);
    expect(told[0].cursor ?? '').toBe('');
    expect(told[1]).toMatchObject({ answer: null, stored: 300, cursor: events.at(-1)!.updated });
    expect(await db.count('events')).toBe(300);

    // the next sync asks from the cursor on and gets the records there again: no news, nothing told
    const again = eventsPuller(serverWith(events, events.slice(-1)), db, (answer) => told.push({ answer, stored: -1, cursor: undefined }));
    await again.pull();
    expect(told).toHaveLength(2);
  });

  it('keeps a copy realtime wrote while the answer was being stored', async () => {
    const db = await openCofficeDb(`coffice-first-realtime-${Date.now()}`);
    const old = event(7, '2026-11-30 21:00:00.000Z');
    const renamed = { ...old, title: 'Nytt namn', updated: '2026-11-30 21:05:00.000Z' };
    const puller = eventsPuller(serverWith([event(1), old, event(9)]), db, (answer) => {
      if (!answer) return;
      // realtime, after the answer came and before it is stored
      localWrites.note('events', renamed.id);
      void db.put('events', renamed);
    });
    await puller.pull();
    expect((await db.get('events', old.id))?.title).toBe('Nytt namn');
    expect(await db.count('events')).toBe(3);
  });

  it('shows the answer over the device copy, newest copy of each, in order of start', () => {
    const stored = [
      event(1, '2026-11-30 21:00:00.000Z', '2026-12-01 08:00:00.000Z'),
      event(2, '2026-11-30 21:09:00.000Z', '2026-12-02 08:00:00.000Z'),
    ];
    const answer = [
      event(2, '2026-11-30 21:01:00.000Z', '2026-12-05 08:00:00.000Z'), // older than the device's: not shown
      event(3, '2026-11-30 21:01:00.000Z', '2026-11-30 08:00:00.000Z'),
      { ...event(1, '2026-11-30 21:02:00.000Z', '2026-12-03 08:00:00.000Z'), title: 'Flyttad' },
    ];
    const shown = withAnswer(stored, answer);
    expect(shown.map((e) => e.id)).toEqual([answer[1].id, stored[1].id, stored[0].id]);
    expect(shown[2].title).toBe('Flyttad');
    expect(withAnswer(stored, [])).toBe(stored);
  });
});
