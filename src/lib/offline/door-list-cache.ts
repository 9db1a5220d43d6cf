// Keeps the door list of today on a host's device, so the door decides offline. Loaded only
// when it is needed (a host's sync, a check-in seen over realtime, a sign-out); other
// people's devices never fetch the list.
import type { DoorList } from '$lib/door/door-list';
import type { AppPocketBase } from '$lib/pocketbase/types';
import { writeMeta, type CofficeDb } from './db';

export const DOOR_LIST_KEY = 'door:list';

/** Fetches today's door list onto a host's device; nothing for anyone else. */
export async function refreshDoorList(pb: AppPocketBase, db: CofficeDb): Promise<void> {
  if (!pb.authStore.isValid || pb.authStore.record?.role !== 'host') return;
  const list = await pb.send<DoorList>('/api/coffice/door-list', { method: 'GET', requestKey: null });
  await writeMeta(db, DOOR_LIST_KEY, list);
}

/** What a lost or handed-over device must not keep: codes' hashes, sealed names, scans. */
export async function wipeDoorData(db: CofficeDb): Promise<void> {
  const tx = db.transaction(['meta', 'doorScans'], 'readwrite');
  await Promise.all([tx.objectStore('meta').delete(DOOR_LIST_KEY), tx.objectStore('doorScans').clear(), tx.done]);
}
