// Uploading offline scans (POST /api/coffice/sync) against a real PocketBase: every scan is
// a fact stored exactly once under its device id, however often and however concurrently it
// is replayed; malformed items are named without losing the valid ones; two doors that
// admitted one pass while offline leave exactly one conflict, whichever uploads first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckinRecord, TypedPocketBase } from '../../src/lib/pocketbase/types';
import { fromStored } from '../../src/lib/time/venue-clock';
import { startTestServer, type TestServer } from '../helpers/server';
import { call, eventGuest, member, newId, openEvent, strayCode } from './door-fixtures';

let server: TestServer;
let host: TypedPocketBase;
beforeAll(async () => {
  server = await startTestServer();
  host = (await server.person('host', 'Maja Lindqvist')).pb;
});
afterAll(() => server?.stop());

interface SyncResult {
  id: string;
  status: 'stored' | 'known' | 'invalid';
  verdict: string;
  conflict: boolean;
  message?: string;
}
type Scan = { id: string; code: string; event?: string; direction: 'in' | 'out'; scanned_at: string; device: string; verdict: string };

const sync = (scans: unknown, pb = host) => call<{ results: SyncResult[] }>(pb, '/api/coffice/sync', 'POST', { scans });
const iso = (ms: number) => new Date(ms).toISOString();
const countOf = async (ids: string[]) => {
  let found = 0;
  for (let i = 0; i < ids.length; i += 50) {
    const filter = ids
      .slice(i, i + 50)
      .map((id) => `id = "${id}"`)
      .join(' || ');
    found += (await server.admin.collection('checkins').getList(1, 1, { filter })).totalItems;
  }
  return found;
};

/** Offline scans of stray (unknown) codes: facts that need no pass. */
const strayScans = (n: number, device = 'door-1'): Scan[] =>
  Array.from({ length: n }, (_, i) => ({
    id: newId(),
    code: strayCode(),
    direction: 'in',
    scanned_at: iso(Date.now() - 60_000 + i),
    device,
    verdict: 'unknown',
  }));

describe('uploading offline scans', () => {
  it('stores each scan with the device’s time and verdict, and answers in the order sent', async () => {
    const event = await openEvent(server);
    const guest = await eventGuest(server, event.id);
    const someone = await member(server);
    const at = Date.now() - 5 * 60_000;
    const scans: Scan[] = [
      { id: newId(), code: guest.code, event: event.id, direction: 'in', scanned_at: iso(at), device: 'door-7', verdict: 'admitted' },
      { id: newId(), code: someone.code, direction: 'in', scanned_at: iso(at + 1000), device: 'door-7', verdict: 'admitted' },
      { id: newId(), code: strayCode(), direction: 'in', scanned_at: iso(at + 2000), device: 'door-7', verdict: 'unknown' },
    ];
    const answer = await sync(scans);
    expect(answer.body.results).toEqual(scans.map((s) => ({ id: s.id, status: 'stored', verdict: s.verdict, conflict: false })));
    const stored = await server.admin.collection('checkins').getOne<CheckinRecord>(scans[0].id);
    expect(stored).toMatchObject({
      pass: guest.pass.id,
      holder: guest.user.id,
      event: event.id,
      device: 'door-7',
      source: 'door',
      verdict: 'admitted',
    });
    expect(fromStored(stored.scanned_at).getTime()).toBe(at);
  });

  it('names each malformed item and stores the valid ones of the batch all the same', async () => {
    const good = strayScans(3);
    const answer = await sync([
      good[0],
      { ...good[1], id: 'BAD' },
      good[1],
      'not a scan',
      { ...strayScans(1)[0], verdict: 'maybe' },
      { ...strayScans(1)[0], scanned_at: 'later' },
      { ...strayScans(1)[0], code: '<img src=x onerror=alert(1)>' },
      good[2],
    ]);
    expect(answer.status).toBe(200);
    const results = answer.body.results;
    expect(results.map((r) => r.status)).toEqual(['stored', 'invalid', 'stored', 'invalid', 'invalid', 'invalid', 'invalid', 'stored']);
    expect(results[1].message).toBe('"scans[1].id" must be 15 lower-case letters and digits.');
    expect(results[3].message).toBe('"scans[3]" is not a scan object.');
    expect(results[4].message).toMatch(/^"scans\[4\].verdict" must be one of admitted, already_in, /);
    expect(results[5].message).toBe('"scans[5].scanned_at" must be a date and time like 2026-11-30T07:10:00.000Z.');
    expect(results[6].message).toBe('"scans[6].code" is not a Coffice pass code; nothing was stored.');
    expect(await countOf(good.map((s) => s.id))).toBe(3);
  });

  it('refuses a body that is not {scans: [...]}, an upload over 500, and anyone but a host', async () => {
    expect(await call(host, '/api/coffice/sync', 'POST', { scan: [] })).toMatchObject({
      status: 400,
      message: expect.stringContaining('{"scans": ['),
    });
    expect(await call(host, '/api/coffice/sync', 'POST', { scans: {} })).toMatchObject({ status: 400 });
    expect(await sync(strayScans(501))).toMatchObject({
      status: 400,
      message: 'At most 500 scans per upload; this one has 501. Send the rest in another.',
    });
    const { pb } = await server.person('member');
    const scans = strayScans(1);
    expect(await sync(scans, pb)).toMatchObject({ status: 403, message: 'Only hosts can use the door.' });
    expect(await countOf([scans[0].id])).toBe(0);
  });

  it('replayed 5 times in a row: stored once, then known with the same verdict', async () => {
    const scans = strayScans(40);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await sync(scans)).body.results);
    expect(answers[0].every((r) => r.status === 'stored')).toBe(true);
    for (const replay of answers.slice(1)) expect(replay.map((r) => [r.status, r.verdict])).toEqual(scans.map(() => ['known', 'unknown']));
    expect(await countOf(scans.map((s) => s.id))).toBe(40);
  });

  it('replayed 20 times in parallel: each scan stored exactly once', async () => {
    const someone = await member(server);
    const at = Date.now() - 30 * 60_000;
    const scans: Scan[] = [
      ...strayScans(30),
      // a member's day at the front door, so the same pass's scans race each other too
      ...['in', 'out', 'in', 'out'].map((direction, i) => ({
        id: newId(),
        code: someone.code,
        direction: direction as 'in' | 'out',
        scanned_at: iso(at + i * 60_000),
        device: 'door-3',
        verdict: 'admitted',
      })),
    ];
    const answers = await Promise.all(Array.from({ length: 20 }, () => sync(scans)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    scans.forEach((scan, i) => {
      const statuses = answers.map((a) => a.body.results[i].status);
      expect(
        statuses.filter((s) => s === 'stored'),
        scan.id,
      ).toHaveLength(1);
      expect(statuses.filter((s) => s === 'known')).toHaveLength(19);
    });
    expect(await countOf(scans.map((s) => s.id))).toBe(scans.length);
    const mine = await server.admin.collection('checkins').getFullList<CheckinRecord>({ filter: `pass = "${someone.pass.id}"` });
    expect(mine.map((c) => c.conflict)).toEqual([false, false, false, false]);
  });
});

describe('two doors offline admitting the same pass', () => {
  const twoDoors = async () => {
    const event = await openEvent(server);
    const guest = await eventGuest(server, event.id);
    const at = Date.now() - 8 * 60_000;
    const scan = (device: string, ms: number): Scan => ({
      id: newId(),
      code: guest.code,
      event: event.id,
      direction: 'in',
      scanned_at: iso(ms),
      device,
      verdict: 'admitted',
    });
    return { guest, first: scan('door-1', at), second: scan('door-2', at + 2 * 60_000) };
  };
  const conflicts = async (passId: string) =>
    (await server.admin.collection('checkins').getFullList<CheckinRecord>({ filter: `pass = "${passId}"`, sort: 'scanned_at' })).map(
      (c) => [c.device, c.conflict],
    );

  it('flags the later admission when the earlier door uploads first', async () => {
    const { guest, first, second } = await twoDoors();
    expect((await sync([first])).body.results[0]).toMatchObject({ status: 'stored', conflict: false });
    expect((await sync([second])).body.results[0]).toMatchObject({ status: 'stored', verdict: 'admitted', conflict: true });
    expect(await conflicts(guest.pass.id)).toEqual([
      ['door-1', false],
      ['door-2', true],
    ]);
  });

  it('flags the later admission even when the later door uploads first', async () => {
    const { guest, first, second } = await twoDoors();
    expect((await sync([second])).body.results[0]).toMatchObject({ status: 'stored', conflict: false });
    expect((await sync([first])).body.results[0]).toMatchObject({ status: 'stored', conflict: false });
    expect(await conflicts(guest.pass.id)).toEqual([
      ['door-1', false],
      ['door-2', true],
    ]);
    // and replaying both changes nothing
    await sync([second, first]);
    expect(await conflicts(guest.pass.id)).toEqual([
      ['door-1', false],
      ['door-2', true],
    ]);
  });

  it('does not flag a door that rightly said already_in, nor an exit', async () => {
    const { guest, first, second } = await twoDoors();
    const exit = { ...second, id: newId(), direction: 'out' as const, scanned_at: iso(Date.parse(second.scanned_at) + 60_000) };
    const answer = await sync([first, { ...second, verdict: 'already_in' }, exit]);
    expect(answer.body.results.map((r) => r.conflict)).toEqual([false, false, false]);
    expect(await conflicts(guest.pass.id)).toEqual([
      ['door-1', false],
      ['door-2', false],
      ['door-2', false],
    ]);
  });

  it('clears the conflict of a later repeat once the admission it followed arrives (later scans are judged again whatever their verdict)', async () => {
    const { guest, first, second } = await twoDoors();
    // door 2 rightly said already_in, but uploads before door 1: the server knows no admission yet
    const repeat = { ...second, verdict: 'already_in' };
    expect((await sync([repeat])).body.results[0]).toMatchObject({ status: 'stored', verdict: 'already_in', conflict: true });
    expect((await sync([first])).body.results[0]).toMatchObject({ status: 'stored', verdict: 'admitted', conflict: false });
    expect(await conflicts(guest.pass.id)).toEqual([
      ['door-1', false],
      ['door-2', false],
    ]);
  });

  it('flags a door that admitted what the server would refuse, judging revocation at the scan’s time', async () => {
    const event = await openEvent(server);
    const other = await openEvent(server);
    const guest = await eventGuest(server, event.id);
    const stranger = await eventGuest(server, other.id);
    const at = (ms: number, code: string, device: string): Scan => ({
      id: newId(),
      code,
      event: event.id,
      direction: 'in',
      scanned_at: iso(ms),
      device,
      verdict: 'admitted',
    });
    const beforeRevocation = at(Date.now() - 5 * 60_000, guest.code, 'door-1');
    await server.admin.collection('registrations').update(guest.registration.id, { status: 'cancelled' }); // revokes the pass now
    const afterRevocation = at(Date.now() + 2000, guest.code, 'door-2');
    const wrongEvent = at(Date.now() - 60_000, stranger.code, 'door-1');
    const answer = await sync([beforeRevocation, afterRevocation, wrongEvent]);
    expect(answer.body.results.map((r) => [r.status, r.verdict, r.conflict])).toEqual([
      ['stored', 'admitted', false],
      ['stored', 'admitted', true],
      ['stored', 'admitted', true],
    ]);
  });
});
