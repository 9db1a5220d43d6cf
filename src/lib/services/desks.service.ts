// Desks by the day: a member books a desk in the open area for a venue day, or cancels one.
// Both go through the outbox (offline too): the screen shows them pending at once and the
// server confirms or refuses them (capacity is its call, counted in one transaction); a
// refusal stays listed with its reason until the person dismisses it. The server's answer
// (desks taken per day, my desk days) is kept on the device, so the screen opens offline.
import { enqueue, offline } from '$lib/offline';
import { readMeta, writeMeta } from '$lib/offline/db';
import { newRecordId } from '$lib/offline/ids';
import { indexedDbOutbox, type OutboxEntry } from '$lib/offline/outbox';
import { failureReason, pb, signedInUser, type FailureReason } from '$lib/pocketbase/client';
import type { BookingRecord, SpaceRecord } from '$lib/pocketbase/types';
import { dayOf, toStored } from '$lib/time/venue-clock';
import { deskDays, deskDaySpan } from '$lib/desks/desk-rules';
import { desksView, type DeskSnapshot, type DesksView } from '$lib/desks/desk-view';

export type DesksResult<T = object> = ({ ok: true } & T) | { ok: false; reason: FailureReason | 'no_open_area' | 'signed_out' };

const META = 'desks';

/** Asks the server for the open area and its desk days of the coming two weeks; keeps the answer on the device. */
export async function refreshDesks(today = dayOf(Date.now())): Promise<DesksResult> {
  const user = signedInUser();
  if (!user) return { ok: false, reason: 'signed_out' };
  try {
    const [space] = await pb.collection('spaces').getFullList<SpaceRecord>({
      filter: "kind = 'open_area' && bookable = true",
      sort: 'name',
      requestKey: null,
    });
    const { db } = await offline();
    if (!space) {
      await writeMeta(db, META, null);
      return { ok: false, reason: 'no_open_area' };
    }
    const days = deskDays(today);
    const from = deskDaySpan(days[0]).starts;
    const to = deskDaySpan(days[days.length - 1]).ends;
    const bookings = await pb.collection('bookings').getFullList<BookingRecord>({
      filter: pb.filter('space = {:space} && starts >= {:from} && starts < {:to}', {
        space: space.id,
        from: toStored(from),
        to: toStored(to),
      }),
      fields: 'id,user,starts',
      requestKey: null,
    });
    const snapshot: DeskSnapshot = {
      user: user.id,
      space: { id: space.id, name: space.name, capacity: space.capacity },
      taken: {},
      mine: {},
      at: Date.now(),
    };
    for (const booking of bookings) {
      const day = dayOf(new Date(booking.starts.replace(' ', 'T')));
      snapshot.taken[day] = (snapshot.taken[day] ?? 0) + 1;
      if (booking.user === user.id) snapshot.mine[day] = booking.id;
    }
    await writeMeta(db, META, snapshot);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: failureReason(error) };
  }
}

/** My desk changes in the outbox, still waiting or refused. Read them before the server is asked
 * (refreshDesks): a change that settles in between is then in the server's answer, rather than in
 * neither, so a desk day never blinks out of the list while it is sent. */
export async function deskEntries(): Promise<OutboxEntry[]> {
  const outbox = indexedDbOutbox((await offline()).db); // read only
  const [pending, refused] = await Promise.all([outbox.pending(Infinity), outbox.failed()]);
  return [...pending, ...refused];
}

/** What the device knows: the last answer with my changes (`entries`, from deskEntries) laid over it; null before any answer. */
export async function loadDesks(entries: OutboxEntry[], today = dayOf(Date.now())): Promise<DesksView | null> {
  const { db } = await offline();
  const snapshot = await readMeta<DeskSnapshot | null>(db, META);
  if (!snapshot || snapshot.user !== signedInUser()?.id) return null; // another person's answer
  return desksView(snapshot, entries, today);
}

/** Books my desk for a venue day (queued: confirmed or refused when the device is online). */
export async function bookDesk(space: string, day: string): Promise<DesksResult> {
  const user = signedInUser()?.id;
  if (!user) return { ok: false, reason: 'signed_out' };
  const { starts, ends } = deskDaySpan(day);
  await enqueue({ kind: 'desk.book', day, record: { id: newRecordId(), space, user, starts: toStored(starts), ends: toStored(ends) } });
  return { ok: true };
}

/** Cancels my desk day (queued like a booking). */
export async function cancelDesk(id: string, day: string): Promise<DesksResult> {
  const user = signedInUser()?.id;
  if (!user) return { ok: false, reason: 'signed_out' };
  await enqueue({ kind: 'desk.cancel', day, id, user });
  return { ok: true };
}

/** Forgets a refused desk change (the person read why). */
export async function dismissRefusedDesk(seq: number): Promise<void> {
  await (await offline()).engine.clear(seq);
  (await offline()).localChanged();
}

/** Calls `listener` whenever data on the device changed (a desk change sent or refused, a sync); returns the stop. */
export function onDesksChanged(listener: () => void): () => void {
  let stop: (() => void) | null = null;
  let stopped = false;
  void offline().then((runtime) => {
    if (!stopped) stop = runtime.onLocalChange(listener);
  });
  return () => {
    stopped = true;
    stop?.();
  };
}
