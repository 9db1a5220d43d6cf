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

/** Door scans, walk-ins and desk days: loaded by the devices that send them, so the guest screens carry none of it. */
const staffSends = () => import('./staff-sends');

export function pocketbaseTransport(pb: AppPocketBase, db: CofficeDb): Transport {
  const registrations = () => pb.collection('registrations');

  async function store(record: RegistrationRecord) {
    localWrites.note('registrations', record.id);
    await db.put('registrations', { ...record });
  }

  async function sendOne(entry: OutboxEntry): Promise<SendResult> {
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
        return (await (await staffSends()).sendScanBatch(pb, [entry]))[0];
      } else {
        await (await staffSends()).sendStaffWrite(pb, op);
      }
      return { outcome: 'done' };
    } catch (error) {
      return classify(error);
    }
  }

  return {
    async send(entries: OutboxEntry[]): Promise<SendResult[]> {
      if (entries.every((entry) => entry.op.kind === 'scan')) {
        return staffSends().then(
          (sends) => sends.sendScanBatch(pb, entries),
          (error) => entries.map(() => classify(error)), // the module could not load: try again later
        );
      }
      const results: SendResult[] = [];
      for (const entry of entries) results.push(await sendOne(entry)); // in order, one request each
      return results;
    },
  };
}

/**
 * Network trouble and overload are worth another try; a lapsed session (or one that may not
 * send this, 401/403) waits for a sign-in; the rest is final, with the server's refusal code.
 */
export function classify(error: unknown): SendResult {
  if (!(error instanceof ClientResponseError)) return { outcome: 'retry', reason: String(error) };
  if (error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500) {
    return { outcome: 'retry', reason: error.status === 0 ? 'offline' : `HTTP ${error.status}` };
  }
  if (error.status === 401 || error.status === 403) return { outcome: 'unauthorized', reason: `HTTP ${error.status}` };
  // a refusal's reason is the server's code when it sent one (the app words that), else the kind
  return { outcome: 'refused', reason: refusalCode(error) ?? (error.status === 404 ? 'not_found' : 'invalid'), message: error.message };
}
