// While online, server changes arrive at once over PocketBase's realtime (SSE) and are
// written to the device. Missed messages are not replayed, so every (re)connect runs a
// full sync (delta pull).
import type { AppPocketBase, HeldPass } from '$lib/pocketbase/types';
import type { CofficeDb } from './db';
import { keepRegistration, localWrites, newer } from './merge';

export interface ServerChangeHandlers {
  /** data on the device changed */
  onChange: () => void;
  /** (re)connected: catch up on what was missed */
  resync: () => void;
  /** a check-in was recorded (hosts see all; others only their own) */
  onCheckin: () => void;
  /** an event was written or deleted on the device (before `onChange`) */
  onProgramme?: () => void;
}

export async function followServerChanges(
  pb: AppPocketBase,
  db: CofficeDb,
  { onChange, resync, onCheckin, onProgramme }: ServerChangeHandlers,
): Promise<() => Promise<void>> {
  const unsubscribers = await Promise.all([
    pb.realtime.subscribe('PB_CONNECT', resync),
    pb.collection('events').subscribe('*', async ({ action, record }) => {
      localWrites.note('events', record.id); // newer than a pull being stored meanwhile
      if (action === 'delete') await db.delete('events', record.id);
      else await db.put('events', record);
      onProgramme?.();
      onChange();
    }),
    pb.collection('registrations').subscribe('*', async ({ action, record }) => {
      const local = await db.get('registrations', record.id);
      if (local?.pendingChange) return;
      localWrites.note('registrations', record.id);
      if (action === 'delete') await db.delete('registrations', record.id);
      else await db.put('registrations', keepRegistration(local, record));
      onChange();
    }),
    pb.collection('checkins').subscribe('*', () => onCheckin()),
    pb.collection('passes').subscribe<HeldPass>('*', async ({ action, record }) => {
      localWrites.note('passes', record.id);
      if (action === 'delete') await db.delete('passes', record.id);
      else {
        // realtime messages carry no QR modules: keep the ones held for the same code
        const local = await db.get('passes', record.id);
        const held = record.qr === undefined && local?.code === record.code && !record.revoked ? { ...record, qr: local.qr } : record;
        await db.put('passes', newer(local, held));
      }
      onChange();
    }),
  ]);
  return async () => {
    for (const unsubscribe of unsubscribers) await unsubscribe().catch(() => undefined);
  };
}
