// Sends outbox entries to PocketBase and records the server's answer on the device.
// Idempotent: a registration is created with the id chosen on the device, so a replay
// finds the record that is already there instead of making a second one.
import { ClientResponseError } from 'pocketbase';
import type { AppPocketBase, RegistrationRecord } from '$lib/pocketbase/types';
import type { CofficeDb } from './db';
import { localWrites } from './merge';
import type { DeskDayBooking, OutboxEntry, OutboxOp } from './outbox';
import type { SendResult, Transport } from './sync';
import { refusalCode } from './refusal-code';

export function pocketbaseTransport(pb: AppPocketBase, db: CofficeDb): Transport {
  const registrations = () => pb.collection('registrations');

  const sendScans = (entries: OutboxEntry[]) => sendScanBatch(pb, entries);

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
      } else if (op.kind === 'desk.book') {
        await sendDeskDay(pb, op.record);
      } else if (op.kind === 'desk.cancel') {
        // already gone (cancelled on another device, or its booking was refused): nothing to undo
        await pb
          .collection('bookings')
          .delete(op.id, { requestKey: null })
          .catch((error) => {
            if (!(error instanceof ClientResponseError && error.status === 404)) throw error;
          });
      } else if (op.kind === 'walk-in') {
        await pb.send('/api/coffice/walk-in', { method: 'POST', body: op.walkIn, requestKey: null });
      } else {
        return (await sendScans([entry]))[0];
      }
      return { outcome: 'done' };
    } catch (error) {
      return classify(error);
    }
  }

  return {
    async send(entries: OutboxEntry[]): Promise<SendResult[]> {
      if (entries.every((entry) => entry.op.kind === 'scan')) return sendScans(entries);
      const results: SendResult[] = [];
      for (const entry of entries) results.push(await sendOne(entry)); // in order, one request each
      return results;
    },
  };
}

/** Books a desk day with the id chosen on the device: a replay whose first answer was lost finds it stored. */
async function sendDeskDay(pb: AppPocketBase, record: DeskDayBooking): Promise<void> {
  try {
    await pb.collection('bookings').create(record, { requestKey: null });
  } catch (error) {
    const stored = await pb
      .collection('bookings')
      .getOne(record.id, { requestKey: null })
      .catch(() => null);
    if (!stored || stored.user !== record.user) throw error;
  }
}

/**
 * Uploads scans in one request (POST /api/coffice/sync, docs/DOOR.md): each is settled by its
 * own result, in the same order. Exported for the bench, which drives it from node.
 */
export async function sendScanBatch(pb: Pick<AppPocketBase, 'send'>, entries: OutboxEntry[]): Promise<SendResult[]> {
  const scans = entries.map((entry) => (entry.op as Extract<OutboxOp, { kind: 'scan' }>).scan);
  try {
    const answer = await pb.send<{ results: { id: string; status: string; message?: string }[] }>('/api/coffice/sync', {
      method: 'POST',
      body: { scans },
      requestKey: null,
    });
    return scans.map((scan, i): SendResult => {
      const result = answer.results[i];
      if (!result || result.id !== scan.id) return { outcome: 'retry', reason: 'the server answered another scan' };
      return result.status === 'invalid' ? { outcome: 'refused', reason: 'invalid', message: result.message ?? '' } : { outcome: 'done' };
    });
  } catch (error) {
    const result = classify(error);
    return scans.map(() => result);
  }
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
