// The outbox in IndexedDB: an entry and the local change it stands for are stored together or
// not at all; entries come out oldest first; only refused entries can be cleared.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openCofficeDb, type DeviceScan } from './db';
import { addToOutbox, indexedDbOutbox, type OutboxOp } from './outbox';

const scan = (id: string): OutboxOp => ({
  kind: 'scan',
  scan: {
    id,
    code: `CP-${id}`,
    event: '',
    direction: 'in',
    scanned_at: '2026-12-01 08:00:00.000Z',
    device: 'door-abc',
    verdict: 'admitted',
  },
});
const deviceScan = (id: string): DeviceScan => ({
  id,
  hash: `h-${id}`,
  event: '',
  direction: 'in',
  at: '2026-12-01 08:00:00.000Z',
  device: 'door-abc',
  verdict: 'admitted',
});

describe('the IndexedDB outbox', () => {
  it('stores the entry and its local change in one transaction: both, or neither', async () => {
    const db = await openCofficeDb(`coffice-outbox-${Date.now()}-a`);
    await addToOutbox(db, scan('s1'), { stores: ['doorScans'], write: (tx) => tx.objectStore('doorScans').put(deviceScan('s1')) });
    expect(await db.count('doorScans')).toBe(1);
    expect(await indexedDbOutbox(db).counts()).toEqual({ pending: 1, failed: 0 });

    // a local write that fails (no key) takes the entry down with it
    const broken = { ...deviceScan('s2'), id: undefined } as unknown as DeviceScan;
    await expect(
      addToOutbox(db, scan('s2'), { stores: ['doorScans'], write: (tx) => tx.objectStore('doorScans').put(broken) }),
    ).rejects.toThrow();
    expect(await db.count('doorScans')).toBe(1);
    expect(await indexedDbOutbox(db).counts()).toEqual({ pending: 1, failed: 0 });
    db.close();
  });

  it('gives the oldest pending entries in order, acks many at once, clears only refused ones', async () => {
    const db = await openCofficeDb(`coffice-outbox-${Date.now()}-b`);
    const outbox = indexedDbOutbox(db);
    for (const id of ['a', 'b', 'c', 'd']) await addToOutbox(db, scan(id));
    await outbox.fail(2, 'invalid', 'not a Coffice pass code');
    expect((await outbox.pending(2)).map((e) => e.seq)).toEqual([1, 3]);
    await outbox.noteAttempt([1, 3]);
    expect((await outbox.pending(10)).map((e) => e.attempts)).toEqual([1, 1, 0]);

    await outbox.clear(1); // pending: stays
    await outbox.clear(2);
    expect(await outbox.counts()).toEqual({ pending: 3, failed: 0 });
    await outbox.ack([1, 3]);
    expect((await outbox.pending(10)).map((e) => e.seq)).toEqual([4]);
    await outbox.drop((entry) => entry.op.kind === 'scan');
    expect(await outbox.counts()).toEqual({ pending: 0, failed: 0 });
    db.close();
  });
});
