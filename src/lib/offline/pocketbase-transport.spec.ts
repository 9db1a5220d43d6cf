// The transport's answers: a run of scans in one request, each settled by its own result;
// a lapsed session waits for a sign-in instead of failing anything.
import { ClientResponseError } from 'pocketbase';
import { describe, expect, it } from 'vitest';
import { newEntry, type OutboxEntry } from './outbox';
import { classify } from './pocketbase-transport';
import { sendScanBatch } from './staff-sends';

const scanEntry = (id: string, seq: number): OutboxEntry => ({
  ...newEntry({
    kind: 'scan',
    scan: {
      id,
      code: `CF1:${id}`,
      event: '',
      direction: 'in',
      scanned_at: '2026-12-01 08:00:00.000Z',
      device: 'door-abc',
      verdict: 'admitted',
    },
  }),
  seq,
});
const httpError = (status: number) =>
  new ClientResponseError({ url: '/api/coffice/sync', status, response: { message: `HTTP ${status}` } });

describe('classify', () => {
  it.each([
    [0, 'retry'],
    [408, 'retry'],
    [429, 'retry'],
    [503, 'retry'],
    [401, 'unauthorized'],
    [403, 'unauthorized'],
    [400, 'refused'],
    [404, 'refused'],
  ])('HTTP %i → %s', (status, outcome) => {
    expect(classify(httpError(status)).outcome).toBe(outcome);
  });

  it('an error that is not an HTTP answer is retried', () => {
    expect(classify(new TypeError('Failed to fetch'))).toEqual({ outcome: 'retry', reason: 'TypeError: Failed to fetch' });
  });
});

describe('sendScanBatch', () => {
  const entries = [scanEntry('a', 1), scanEntry('b', 2), scanEntry('c', 3)];

  it('sends the run in one request and settles each scan by its own result', async () => {
    const bodies: unknown[] = [];
    const pb = {
      send: async (path: string, options: { body: { scans: { id: string }[] } }) => {
        bodies.push({ path, ids: options.body.scans.map((s) => s.id) });
        return {
          results: [
            { id: 'a', status: 'stored' },
            { id: 'b', status: 'invalid', message: '"scans[1].code" is not a Coffice pass code; nothing was stored.' },
            { id: 'c', status: 'known' },
          ],
        };
      },
    } as never;
    expect(await sendScanBatch(pb, entries)).toEqual([
      { outcome: 'done' },
      { outcome: 'refused', reason: 'invalid', message: '"scans[1].code" is not a Coffice pass code; nothing was stored.' },
      { outcome: 'done' },
    ]);
    expect(bodies).toEqual([{ path: '/api/coffice/sync', ids: ['a', 'b', 'c'] }]);
  });

  it('a lapsed session answers every scan of the run "unauthorized"; a result for another scan is not taken', async () => {
    const refused = { send: async () => Promise.reject(httpError(401)) } as never;
    expect((await sendScanBatch(refused, entries)).map((r) => r.outcome)).toEqual(['unauthorized', 'unauthorized', 'unauthorized']);
    const confused = {
      send: async () => ({
        results: [
          { id: 'a', status: 'stored' },
          { id: 'x', status: 'stored' },
        ],
      }),
    } as never;
    expect((await sendScanBatch(confused, entries)).map((r) => r.outcome)).toEqual(['done', 'retry', 'retry']);
  });
});
