import { describe, expect, it } from 'vitest';
import { newEntry, type OutboxEntry, type OutboxOp } from '$lib/offline/outbox';
import { desksView, type DeskSnapshot } from './desk-view';

const snapshot: DeskSnapshot = {
  user: 'me',
  space: { id: 'openarea0000001', name: 'Öppna ytan', capacity: 3 },
  taken: { '2026-12-02': 3, '2026-12-03': 1 },
  mine: { '2026-12-03': 'mine00000000001' },
  at: 0,
};
let seq = 0;
const entry = (op: OutboxOp, state: OutboxEntry['state'] = 'pending', reason?: string): OutboxEntry => ({
  ...newEntry(op, 0),
  seq: ++seq,
  state,
  reason,
});
const book = (day: string, id = `pend${day.replaceAll('-', '')}00`.slice(0, 15)): OutboxOp => ({
  kind: 'desk.book',
  day,
  record: { id, space: snapshot.space.id, user: 'me', starts: '', ends: '' },
});

describe('what /desks shows', () => {
  it('the server’s answer alone: free desks per day, my day booked', () => {
    const view = desksView(snapshot, [], '2026-12-01');
    expect(view.days).toHaveLength(14);
    expect(view.days.slice(0, 3).map((d) => [d.day, d.free, d.mine?.state ?? null])).toEqual([
      ['2026-12-01', 3, null],
      ['2026-12-02', 0, null],
      ['2026-12-03', 2, 'booked'],
    ]);
  });

  it('a booking still in the outbox is pending and takes a desk; a cancel waiting frees one', () => {
    const view = desksView(
      snapshot,
      [entry(book('2026-12-01')), entry({ kind: 'desk.cancel', day: '2026-12-03', id: 'mine00000000001', user: 'me' })],
      '2026-12-01',
    );
    expect(view.days[0]).toMatchObject({ free: 2, mine: { state: 'pending' } });
    expect(view.days[2]).toMatchObject({ free: 3, mine: { state: 'cancelling' } });
  });

  it('a refused booking is listed with its reason and takes no desk; one the server already has is not counted twice', () => {
    const view = desksView(snapshot, [entry(book('2026-12-02'), 'failed', 'booking_full'), entry(book('2026-12-03'))], '2026-12-01');
    expect(view.refused).toMatchObject([{ day: '2026-12-02', what: 'book', reason: 'booking_full' }]);
    expect(view.days[1]).toMatchObject({ free: 0, mine: null });
    expect(view.days[2]).toMatchObject({ free: 2, mine: { id: 'mine00000000001', state: 'booked' } });
  });
});
