// What /desks shows, from what the device knows: the last answer of the server (desks taken
// per day, my own desk days) and the outbox's desk entries not yet settled (pending and
// refused). Pure, so the offline cases are tested without a browser.
import type { OutboxEntry } from '$lib/offline/outbox';
import { deskDays } from './desk-rules';

/** The server's answer as the device keeps it (IndexedDB meta `desks`). */
export interface DeskSnapshot {
  /** whose answer it is (another person signing in on the device does not see it) */
  user: string;
  space: { id: string; name: string; capacity: number };
  /** desks taken per venue day (YYYY-MM-DD), mine included */
  taken: Record<string, number>;
  /** my desk days: venue day → booking id */
  mine: Record<string, string>;
  /** when the server answered (ms) */
  at: number;
}

export type MyDeskState = 'booked' | 'pending' | 'cancelling';

export interface DeskDayView {
  day: string;
  free: number;
  capacity: number;
  /** my desk that day, as the device knows it */
  mine: { id: string; state: MyDeskState } | null;
}

export interface RefusedDeskView {
  seq: number;
  day: string;
  what: 'book' | 'cancel';
  /** the server's refusal code (worded by the screen) */
  reason: string;
  queuedAt: number;
}

export interface DesksView {
  space: DeskSnapshot['space'];
  days: DeskDayView[];
  refused: RefusedDeskView[];
  at: number;
}

/** The two weeks from `today`, with my changes still in the outbox laid over the server's answer. */
export function desksView(snapshot: DeskSnapshot, entries: OutboxEntry[], today: string): DesksView {
  const mine = new Map<string, { id: string; state: MyDeskState }>(
    Object.entries(snapshot.mine).map(([day, id]) => [day, { id, state: 'booked' as MyDeskState }]),
  );
  const taken = { ...snapshot.taken };
  const refused: RefusedDeskView[] = [];
  for (const entry of entries) {
    const op = entry.op;
    if (op.kind !== 'desk.book' && op.kind !== 'desk.cancel') continue;
    if (op.kind === 'desk.book' && op.record.space !== snapshot.space.id) continue;
    if (entry.state === 'failed') {
      refused.push({
        seq: entry.seq!,
        day: op.day,
        what: op.kind === 'desk.book' ? 'book' : 'cancel',
        reason: entry.reason ?? '',
        queuedAt: entry.queuedAt,
      });
      continue;
    }
    if (op.kind === 'desk.book') {
      if (mine.has(op.day)) continue; // already stored (the pull saw it before the outbox let go)
      mine.set(op.day, { id: op.record.id, state: 'pending' });
      taken[op.day] = (taken[op.day] ?? 0) + 1;
    } else {
      const held = mine.get(op.day);
      if (held?.id !== op.id) continue;
      mine.set(op.day, { id: op.id, state: 'cancelling' });
      taken[op.day] = Math.max(0, (taken[op.day] ?? 0) - 1);
    }
  }
  const days = deskDays(today).map((day) => ({
    day,
    capacity: snapshot.space.capacity,
    free: Math.max(0, snapshot.space.capacity - (taken[day] ?? 0)),
    mine: mine.get(day) ?? null,
  }));
  return { space: snapshot.space, days, refused, at: snapshot.at };
}
