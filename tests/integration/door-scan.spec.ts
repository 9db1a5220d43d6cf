// Scanning online (POST /api/coffice/scan) against a real PocketBase: the server decides the
// table's situations from its own data, stores one check-in per scan (once per device id),
// and refuses what is not a scan with a 400 naming the problem.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CheckinRecord, TypedPocketBase } from '../../src/lib/pocketbase/types';
import { toStored } from '../../src/lib/time/venue-clock';
import { createEvent, startTestServer, type TestServer } from '../helpers/server';
import { awayFromMidnight, call, eventGuest, member, newId, openEvent, strayCode } from './door-fixtures';

let server: TestServer;
let host: TypedPocketBase;
beforeAll(async () => {
  server = await startTestServer();
  host = (await server.person('host', 'Maja Lindqvist')).pb;
});
afterAll(() => server?.stop());
// counts and in/out follow the venue's day: no test's requests straddle its midnight
beforeEach(() => awayFromMidnight());

const scan = (body: Record<string, unknown>, pb = host) => call(pb, '/api/coffice/scan', 'POST', body);
const checkinsOf = (passId: string) =>
  server.admin.collection('checkins').getFullList<CheckinRecord>({ filter: `pass = "${passId}"`, sort: 'scanned_at' });

describe('the scan route decides like the door', () => {
  it('admits an event pass at its event once, then tells who let it in first', async () => {
    const event = await openEvent(server, { title: 'Frukost' });
    const guest = await eventGuest(server, event.id, 'Anna Berg');
    const first = await scan({ code: guest.code, event: event.id, device: 'door-1' });
    expect(first.body).toMatchObject({
      verdict: 'admitted',
      direction: 'in',
      holder_name: 'Anna Berg',
      event: event.id,
      event_title: 'Frukost',
    });
    const again = await scan({ code: guest.code, event: event.id, device: 'door-2' });
    const [stored1] = await checkinsOf(guest.pass.id);
    expect(again.body).toMatchObject({ verdict: 'already_in', first_scan: { at: stored1.scanned_at, device: 'door-1' } });
    const all = await checkinsOf(guest.pass.id);
    expect(all.map((c) => [c.verdict, c.device, c.source, c.holder, c.conflict])).toEqual([
      ['admitted', 'door-1', 'door', guest.user.id, false],
      ['already_in', 'door-2', 'door', guest.user.id, false],
    ]);
  });

  it('refuses another event’s pass, a member pass at an event, a revoked pass and a cancelled event', async () => {
    const breakfast = await openEvent(server);
    const other = await openEvent(server);
    const otherGuest = await eventGuest(server, other.id);
    expect((await scan({ code: otherGuest.code, event: breakfast.id })).body.verdict).toBe('wrong_event');
    const someone = await member(server);
    expect((await scan({ code: someone.code, event: breakfast.id })).body.verdict).toBe('wrong_event');

    const leaving = await eventGuest(server, breakfast.id);
    await server.admin.collection('registrations').update(leaving.registration.id, { status: 'cancelled' });
    expect((await scan({ code: leaving.code, event: breakfast.id })).body.verdict).toBe('revoked');

    const off = await openEvent(server);
    const offGuest = await eventGuest(server, off.id);
    await server.admin.collection('events').update(off.id, { status: 'cancelled' });
    expect((await scan({ code: offGuest.code, event: off.id })).body.verdict).toBe('revoked');
  });

  it('opens an event door an hour early and closes it when the event ends', async () => {
    const starts = Date.now() + 3 * 3600_000;
    const event = await createEvent(server.admin, { starts: toStored(starts), ends: toStored(starts + 3600_000) });
    const guest = await eventGuest(server, event.id);
    const at = (ms: number) => scan({ code: guest.code, event: event.id, scanned_at: new Date(ms).toISOString() });
    expect((await at(starts - 61 * 60_000)).body.verdict).toBe('outside_window');
    expect((await at(starts + 3600_000 + 60_000)).body.verdict).toBe('outside_window');
    expect((await at(starts - 60 * 60_000)).body.verdict).toBe('admitted');
  });

  it('tells, for a pass outside its window, which event and when it is for (issue #12)', async () => {
    const starts = Date.now() + 26 * 3600_000;
    const event = await createEvent(server.admin, { title: 'Fika i morgon', starts: toStored(starts), ends: toStored(starts + 3600_000) });
    const guest = await eventGuest(server, event.id);
    expect((await scan({ code: guest.code })).body).toMatchObject({
      verdict: 'outside_window',
      event: event.id,
      event_title: 'Fika i morgon',
      event_starts: toStored(starts),
      event_ends: toStored(starts + 3600_000),
    });
  });

  it('lets people back in at a re-entry event only after they left', async () => {
    const event = await openEvent(server, { reentry: true });
    const guest = await eventGuest(server, event.id);
    const t0 = Date.now() - 5 * 60_000;
    const at = (minutes: number, direction = 'in') =>
      scan({ code: guest.code, event: event.id, direction, scanned_at: new Date(t0 + minutes * 60_000).toISOString() });
    expect((await at(0)).body.verdict).toBe('admitted');
    expect((await at(1)).body.verdict).toBe('already_in');
    expect((await at(2, 'out')).body).toMatchObject({ verdict: 'admitted', direction: 'out' });
    expect((await at(3)).body).toMatchObject({ verdict: 'admitted', direction: 'in' });
  });

  it('takes a member scanned again at the front door for a repeat, not an exit; exits are explicit (issue #12)', async () => {
    const someone = await member(server, 'Erik Sandberg');
    const first = await scan({ code: someone.code, device: 'door-1' });
    expect(first.body).toMatchObject({ verdict: 'admitted', direction: 'in', holder_name: 'Erik Sandberg' });
    const [firstIn] = await checkinsOf(someone.pass.id);
    // a double scan at once, and again later from another door: still inside, never "Hej då!"
    for (const device of ['door-1', 'door-2']) {
      expect((await scan({ code: someone.code, device })).body).toMatchObject({
        verdict: 'already_in',
        direction: 'in',
        first_scan: { at: firstIn.scanned_at, device: 'door-1' },
      });
    }
    expect((await scan({ code: someone.code, direction: 'out' })).body).toMatchObject({ verdict: 'admitted', direction: 'out' });
    expect((await scan({ code: someone.code })).body).toMatchObject({ verdict: 'admitted', direction: 'in' });
    expect((await checkinsOf(someone.pass.id)).map((c) => [c.verdict, c.direction])).toEqual([
      ['admitted', 'in'],
      ['already_in', 'in'],
      ['already_in', 'in'],
      ['admitted', 'out'],
      ['admitted', 'in'],
    ]);
  });

  it('lets an event pass in at the front door on its Stockholm day only, across both summer-time changes (goja’s clock)', async () => {
    // 2026-10-25 is the October change: 00:30 CEST on the 25th is 22:30 UTC on the 24th
    const october = await createEvent(server.admin, { starts: '2026-10-25 21:00:00.000Z', ends: '2026-10-25 22:50:00.000Z' });
    const octGuest = await eventGuest(server, october.id);
    const front = (code: string, iso: string) => scan({ code, scanned_at: iso, device: 'front' });
    expect((await front(octGuest.code, '2026-10-24T21:59:00.000Z')).body.verdict).toBe('outside_window'); // 23:59 on the 24th
    expect((await front(octGuest.code, '2026-10-24T22:01:00.000Z')).body.verdict).toBe('admitted'); // 00:01 on the 25th
    expect((await front(octGuest.code, '2026-10-25T22:59:00.000Z')).body.verdict).toBe('already_in'); // 23:59 CET, same day
    // 2026-03-29 is the March change: 22:00 CEST on the 29th is 20:00 UTC
    const march = await createEvent(server.admin, { starts: '2026-03-29 20:00:00.000Z', ends: '2026-03-29 21:00:00.000Z' });
    const marGuest = await eventGuest(server, march.id);
    expect((await front(marGuest.code, '2026-03-28T23:01:00.000Z')).body.verdict).toBe('admitted'); // 00:01 CET on the 29th
    expect((await front(marGuest.code, '2026-03-29T22:01:00.000Z')).body.verdict).toBe('outside_window'); // 00:01 CEST on the 30th
    expect((await front(marGuest.code, '2026-03-28T22:59:00.000Z')).body.verdict).toBe('outside_window'); // 23:59 CET on the 28th
  });

  it('answers a well-formed code nobody has with unknown (stored) and anything else with invalid (not stored)', async () => {
    const before = (await server.admin.collection('checkins').getList(1, 1)).totalItems;
    const unknown = await scan({ code: strayCode(), device: 'door-1' });
    expect(unknown.body).toMatchObject({ verdict: 'unknown', direction: 'in' });
    expect(unknown.body.holder_name).toBeUndefined();
    for (const text of ['https://evil.example/?x=1', '<script>alert(1)</script>', 'cf1:memberaaaaaaaaaaaaaaaaaaaa', '']) {
      expect((await scan({ code: text })).body).toEqual({ verdict: 'invalid', direction: 'in' });
    }
    expect((await server.admin.collection('checkins').getList(1, 1)).totalItems).toBe(before + 1);
  });

  it('stores a retried scan once: the same device id answers as known with the first verdict', async () => {
    const someone = await member(server);
    const id = newId();
    const first = await scan({ id, code: someone.code, device: 'door-1' });
    expect(first.body).toMatchObject({ verdict: 'admitted', direction: 'in', checkin_id: id });
    const retries = await Promise.all(Array.from({ length: 10 }, () => scan({ id, code: someone.code, device: 'door-1' })));
    for (const retry of retries) expect(retry.body).toMatchObject({ verdict: 'admitted', direction: 'in', checkin_id: id, known: true });
    expect(await checkinsOf(someone.pass.id)).toHaveLength(1);
  });
});

describe('the scan route refuses', () => {
  it('anyone but a host (and someone signed out)', async () => {
    const someone = await member(server);
    for (const role of ['member', 'guest'] as const) {
      const { pb } = await server.person(role);
      expect(await scan({ code: someone.code }, pb)).toMatchObject({ status: 403, message: 'Only hosts can use the door.' });
    }
    expect((await scan({ code: someone.code }, server.client())).status).toBe(401);
    expect(await checkinsOf(someone.pass.id)).toHaveLength(0);
  });

  it.each([
    [{}, '"code" is missing (the scanned text).'],
    [{ code: 42 }, '"code" is missing (the scanned text).'],
    [{ code: 'CF1:X', event: 'nope' }, '"event" must be 15 lower-case letters and digits.'],
    [{ code: 'CF1:X', event: 'aaaaaaaaaaaaaaa' }, '"event" is not an event of this venue.'],
    [{ code: 'CF1:X', direction: 'sideways' }, '"direction" must be "in" or "out".'],
    [{ code: 'CF1:X', id: 'ID-WITH-CAPS-00' }, '"id" must be 15 lower-case letters and digits.'],
    [{ code: 'CF1:X', scanned_at: 'yesterday' }, '"scanned_at" must be a date and time like 2026-11-30T07:10:00.000Z.'],
    [{ code: 'CF1:X', scanned_at: '2099-01-01T00:00:00.000Z' }, '"scanned_at" is more than a day in the future; check the device’s clock.'],
    [{ code: 'CF1:X', device: 'd'.repeat(65) }, '"device" is longer than 64 characters.'],
  ])('%j with a 400: %s', async (body, message) => {
    expect(await scan(body)).toMatchObject({ status: 400, message });
  });

  it('a body that is not a JSON object, and one over the size limit', async () => {
    const raw = (body: string) =>
      fetch(`${server.url}/api/coffice/scan`, {
        method: 'POST',
        headers: { Authorization: host.authStore.token, 'Content-Type': 'application/json' },
        body,
      });
    const broken = await raw('{"code": ');
    expect(broken.status).toBe(400);
    expect((await broken.json()).message).toBe('Send JSON: {"code": "<the scanned text>"}.');
    expect((await raw('["CF1:X"]')).status).toBe(400);
    expect((await raw(JSON.stringify({ code: 'A'.repeat(20_000) }))).status).toBe(413);
  });
});
