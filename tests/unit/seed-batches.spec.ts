// The demo seed's batches: a batch the server refuses is tried again in halves (issue #12).
import { describe, expect, it } from 'vitest';
import { createMissing, idFor } from '../../scripts/seed/seed.mjs';

describe('demo seed batches', () => {
  it('a batch the server refuses is tried again in halves, down to the record that fails', async () => {
    // a stand-in for the server's batch timeout: batches over 8 creates fail, as they did under load
    const stored: string[] = [];
    const sent: number[] = [];
    const writer = {
      createBatch() {
        const bodies: { id: string }[] = [];
        return {
          collection: () => ({ create: (body: { id: string }) => void bodies.push(body) }),
          async send() {
            sent.push(bodies.length);
            if (bodies.length > 8) throw new Error('batch transaction timeout');
            if (bodies.some((b) => b.id === 'poison')) throw new Error('refused');
            stored.push(...bodies.map((b) => b.id));
          },
        };
      },
      collection: () => ({ getFullList: async () => stored.map((id) => ({ id })) }),
    };
    const ids = Array.from({ length: 30 }, (_, i) => idFor(`r${i}`));
    await createMissing(
      writer,
      'registrations',
      ids.map((id) => ({ id })),
      { size: 100 },
    );
    expect(stored).toEqual(ids);
    expect(sent.slice(0, 4)).toEqual([30, 15, 7, 7]);

    await expect(createMissing(writer, 'registrations', [{ id: 'fresh1' }, { id: 'poison' }], { size: 2 })).rejects.toThrow(
      'registrations 1/2: refused',
    );
    expect(stored).toContain('fresh1');
  });
});
