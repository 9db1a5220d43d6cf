// Sends outbox entries to PocketBase and records the server's answer on the device.
// Idempotent: a registration is created with the id chosen on the device, so a replay
// finds the record that is already there instead of making a second one.
import { ClientResponseError } from 'pocketbase';
import type { AppPocketBase, RegistrationRecord } from '$lib/pocketbase/types';
import type { CofficeDb } from './db';
import { localWrites } from './merge';
import type { OutboxEntry } from './outbox';
import type { SendResult, Transport } from './sync';
import { refusalCode } from './refusal-code';

export function pocketbaseTransport(pb: AppPocketBase, db: CofficeDb): Transport {
  const registrations = () => pb.collection('registrations');

  async function store(record: RegistrationRecord) {
    localWrites.note('registrations', record.id);
    await db.put('registrations', { ...record });
  }

  return {
    async send(entry: OutboxEntry): Promise<SendResult> {
      const op = entry.op;
      try {
        if (op.kind === 'registration.create') {
          let record: RegistrationRecord;
          try {
            record = await registrations().create<RegistrationRecord>(op.record, { requestKey: null });
          } catch (error) {
            // sent before and the answer was lost? then my registration is there already
            const existing = await registrations()
              .getFirstListItem<RegistrationRecord>(pb.filter('event = {:event} && user = {:user}', op.record), { requestKey: null })
              .catch(() => null);
            if (!existing || existing.status === 'cancelled') throw error;
            record = existing;
          }
          // registering again after cancelling revives the earlier registration (another id)
          if (record.id !== op.record.id) await db.delete('registrations', op.record.id);
          await store(record);
        } else if (op.kind === 'registration.cancel') {
          await store(await registrations().update<RegistrationRecord>(op.id, { status: 'cancelled' }, { requestKey: null }));
        } else if (op.kind === 'scan') {
          const answer = await pb.send<{ results: { status: string; message?: string }[] }>('/api/coffice/sync', {
            method: 'POST',
            body: { scans: [op.scan] },
            requestKey: null,
          });
          const [result] = answer.results;
          if (result?.status === 'invalid') return { outcome: 'refused', reason: 'invalid', message: result.message ?? '' };
        } else {
          await pb.send('/api/coffice/walk-in', { method: 'POST', body: op.walkIn, requestKey: null });
        }
        return { outcome: 'done' };
      } catch (error) {
        return classify(error);
      }
    },
  };
}

/** Network trouble, overload and a lapsed session are worth another try; the rest is final.
 * A refusal's reason is the server's code when it sent one (the app words that), else the kind. */
export function classify(error: unknown): SendResult {
  if (!(error instanceof ClientResponseError)) return { outcome: 'retry', reason: String(error) };
  if (error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500) {
    return { outcome: 'retry', reason: error.status === 0 ? 'offline' : `HTTP ${error.status}` };
  }
  const reason = error.status === 401 || error.status === 403 ? 'unauthorized' : error.status === 404 ? 'not_found' : 'invalid';
  return { outcome: 'refused', reason: refusalCode(error) ?? reason, message: error.message };
}
