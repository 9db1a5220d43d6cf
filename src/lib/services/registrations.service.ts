// Registering and cancelling: written to the device and the outbox in one transaction
// (durable before the screen says so), then sent by the sync engine when it can.
import { enqueue } from '$lib/offline';
import type { LocalRegistration } from '$lib/offline/db';
import { newRecordId } from '$lib/offline/ids';
import { localWrites } from '$lib/offline/merge';
import type { OutboxOp } from '$lib/offline/outbox';
import { signedInUser } from '$lib/pocketbase/client';
import { toStored } from '$lib/time/venue-clock';

export type RegistrationResult = { ok: true; id: string } | { ok: false; reason: 'signed_out' };

async function queue(local: LocalRegistration, op: OutboxOp) {
  localWrites.note('registrations', local.id);
  await enqueue(op, { stores: ['registrations'], write: (tx) => tx.objectStore('registrations').put(local) });
}

export async function registerForEvent(eventId: string): Promise<RegistrationResult> {
  const user = signedInUser()?.id;
  if (!user) return { ok: false, reason: 'signed_out' };
  const id = newRecordId();
  const now = toStored(new Date());
  const local: LocalRegistration = {
    id,
    event: eventId,
    user,
    status: 'pending',
    position: 0,
    pendingChange: 'create',
    created: now,
    updated: now,
    collectionId: '',
    collectionName: 'registrations',
  };
  await queue(local, { kind: 'registration.create', record: { id, event: eventId, user } });
  return { ok: true, id };
}

export async function cancelRegistration(registration: LocalRegistration): Promise<RegistrationResult> {
  if (!signedInUser()) return { ok: false, reason: 'signed_out' };
  await queue({ ...registration, pendingChange: 'cancel' }, { kind: 'registration.cancel', id: registration.id, user: registration.user });
  return { ok: true, id: registration.id };
}
