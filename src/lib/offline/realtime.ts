// While online, server changes arrive at once over PocketBase's realtime (SSE) and are
// written to the device. Missed messages are not replayed, so every (re)connect runs a
// full sync (delta pull).
import type { TypedPocketBase } from '$lib/pocketbase/types';
import type { CofficeDb } from './db';

export async function followServerChanges(
  pb: TypedPocketBase,
  db: CofficeDb,
  onChange: () => void,
  resync: () => void,
): Promise<() => Promise<void>> {
  const unsubscribers = await Promise.all([
    pb.realtime.subscribe('PB_CONNECT', resync),
    pb.collection('events').subscribe('*', async ({ action, record }) => {
      if (action === 'delete') await db.delete('events', record.id);
      else await db.put('events', record);
      onChange();
    }),
    pb.collection('registrations').subscribe('*', async ({ action, record }) => {
      const local = await db.get('registrations', record.id);
      if (local?.pendingChange) return;
      if (action === 'delete') await db.delete('registrations', record.id);
      else await db.put('registrations', { ...record });
      onChange();
    }),
    // a check-in anywhere (another door, a self check-in) refreshes the door list
    pb.collection('checkins').subscribe('*', () => resync()),
    pb.collection('passes').subscribe('*', async ({ action, record }) => {
      if (action === 'delete') await db.delete('passes', record.id);
      else await db.put('passes', record);
      onChange();
    }),
  ]);
  return async () => {
    for (const unsubscribe of unsubscribers) await unsubscribe().catch(() => undefined);
  };
}
