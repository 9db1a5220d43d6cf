// Keeps the door list of today on a host's device (refreshed with every sync while
// online), so the door decides offline. Other people's devices never fetch it.
import type { DoorList } from '$lib/door/door-list';
import type { TypedPocketBase } from '$lib/pocketbase/types';
import { writeMeta, type CofficeDb } from './db';
import type { Puller } from './sync';

export const DOOR_LIST_KEY = 'door:list';

export function doorListPuller(pb: TypedPocketBase, db: CofficeDb): Puller {
  return {
    name: 'door-list',
    async pull() {
      if (!pb.authStore.isValid || pb.authStore.record?.role !== 'host') return;
      const list = await pb.send<DoorList>('/api/coffice/door-list', { method: 'GET', requestKey: null });
      await writeMeta(db, DOOR_LIST_KEY, list);
    },
  };
}

/** What a lost or handed-over device must not keep: codes' hashes, sealed names, scans. */
export async function wipeDoorData(db: CofficeDb): Promise<void> {
  const tx = db.transaction(['meta', 'doorScans'], 'readwrite');
  await Promise.all([tx.objectStore('meta').delete(DOOR_LIST_KEY), tx.objectStore('doorScans').clear(), tx.done]);
}
