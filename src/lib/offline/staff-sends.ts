// What only hosts' and members' devices send from the outbox: door scans (in one request),
// walk-ins and desk days. Loaded by pocketbase-transport.ts when such an entry is sent, so the
// guest screens carry none of it. Each is idempotent: scans and walk-ins carry their device id,
// a desk day is created with the id chosen on the device.
import type { AppPocketBase } from '$lib/pocketbase/types';
import type { OutboxEntry, OutboxOp } from './outbox';
import type { SendResult } from './sync';
import { classify } from './pocketbase-transport';

/** A walk-in or a desk change; throws the server's refusal (classified by the caller). */
export async function sendStaffWrite(
  pb: AppPocketBase,
  op: Extract<OutboxOp, { kind: 'walk-in' | 'desk.book' | 'desk.cancel' }>,
): Promise<void> {
  const bookings = pb.collection('bookings');
  if (op.kind === 'walk-in') {
    await pb.send('/api/coffice/walk-in', { method: 'POST', body: op.walkIn, requestKey: null });
  } else if (op.kind === 'desk.book') {
    try {
      await bookings.create(op.record, { requestKey: null });
    } catch (error) {
      // sent before and the answer was lost? then my desk day is there already
      const stored = await bookings.getOne(op.record.id, { requestKey: null }).catch(() => null);
      if (stored?.user !== op.record.user) throw error;
    }
  } else {
    // already gone (cancelled elsewhere, or its booking was refused): nothing to undo
    await bookings.delete(op.id, { requestKey: null }).catch((error: { status?: number }) => {
      if (error.status !== 404) throw error;
    });
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
