// Reads the programme from the server. (The IndexedDB cache and delta sync come with the
// offline-first programme; screens already go through this one module.)
import { pb, failureReason, type FailureReason } from '$lib/pocketbase/client';
import type { EventRecord, SpaceRecord } from '$lib/pocketbase/types';

export type ProgrammeEvent = EventRecord & { expand?: { space?: SpaceRecord } };
export type Loaded<T> = { ok: true; value: T } | { ok: false; reason: FailureReason };

/** Events that have not ended yet, soonest first. */
export async function loadUpcomingEvents(now = new Date()): Promise<Loaded<ProgrammeEvent[]>> {
  try {
    const value = await pb.collection('events').getFullList<ProgrammeEvent>({
      filter: pb.filter("ends >= {:now} && status != 'draft'", { now }),
      sort: 'starts',
      expand: 'space',
      batch: 200,
    });
    return { ok: true, value };
  } catch (error) {
    return { ok: false, reason: failureReason(error) };
  }
}

export async function loadEvent(id: string): Promise<Loaded<ProgrammeEvent>> {
  try {
    return { ok: true, value: await pb.collection('events').getOne<ProgrammeEvent>(id, { expand: 'space' }) };
  } catch (error) {
    return { ok: false, reason: failureReason(error) };
  }
}
