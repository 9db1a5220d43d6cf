// Reads one event straight from the server, for a shared link the device has not synced
// yet. The programme itself comes from the device (state/schedule.svelte.ts).
import { pb, failureReason, type FailureReason } from '$lib/pocketbase/client';
import type { EventRecord, SpaceRecord } from '$lib/pocketbase/types';

export type ProgrammeEvent = EventRecord & { expand?: { space?: SpaceRecord } };
export type Loaded<T> = { ok: true; value: T } | { ok: false; reason: FailureReason };

export async function loadEvent(id: string): Promise<Loaded<ProgrammeEvent>> {
  try {
    return { ok: true, value: await pb.collection('events').getOne<ProgrammeEvent>(id, { expand: 'space' }) };
  } catch (error) {
    return { ok: false, reason: failureReason(error) };
  }
}
