// The door list (GET /api/coffice/door-list) and who is inside (GET /api/coffice/inside)
// against a real PocketBase: enough for a door to decide offline with the same verdict
// module, with codes only as SHA-256 and names readable only with the code in hand.
import { createDecipheriv, createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decide, type DoorEvent, type DoorPass, type KnownScan } from '../../src/lib/door/verdict';
import { dayOf, toStored } from '../../src/lib/time/venue-clock';
import type { TypedPocketBase } from '../../src/lib/pocketbase/types';
import { createEvent, startTestServer, type TestServer } from '../helpers/server';
import { awayFromMidnight, call, eventGuest, member, newId, openEvent, sinceVenueMidnight } from './door-fixtures';

let server: TestServer;
let host: TypedPocketBase;
beforeAll(async () => {
  server = await startTestServer();
  host = (await server.person('host', 'Maja Lindqvist')).pb;
});
afterAll(() => server?.stop());
// counts and in/out follow the venue's day: no test's requests straddle its midnight
beforeEach(() => awayFromMidnight());

interface DoorList {
  generated_at: string;
  from: string;
  to: string;
  events: (DoorEvent & { title: string })[];
  passes: (DoorPass & { name: string })[];
  scans: KnownScan[];
}

const doorList = (query = '', pb = host) => call<DoorList>(pb, `/api/coffice/door-list${query}`, 'GET');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** What the door screen does: open a sealed name with the scanned code (AES-256-GCM, WebCrypto-compatible). */
function openName(sealed: string, code: string) {
  const key = Buffer.from(sha256(`coffice-name:${code}`).slice(0, 32), 'ascii');
  const bytes = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString('utf8');
}

describe('the door list', () => {
  it('carries today’s events, passes by hash with sealed names, and other doors’ admissions', async () => {
    const event = await openEvent(server, { title: 'Frukost', reentry: true });
    const later = await createEvent(server.admin, {
      starts: toStored(Date.now() + 9 * 24 * 3600_000),
      ends: toStored(Date.now() + 9 * 24 * 3600_000 + 3600_000),
    });
    const guest = await eventGuest(server, event.id, 'Åsa Öberg');
    const laterGuest = await eventGuest(server, later.id);
    const someone = await member(server, 'Erik Sandberg');
    const leaver = await member(server);
    await server.admin.collection('users').update(leaver.user.id, { role: 'guest' }); // revokes the member pass
    await call(host, '/api/coffice/scan', 'POST', { code: guest.code, event: event.id, device: 'door-1' });

    const list = (await doorList()).body;
    expect(list.events.find((e) => e.id === event.id)).toMatchObject({ title: 'Frukost', status: 'published', reentry: true });
    expect(list.events.find((e) => e.id === later.id)).toBeUndefined();
    const byHash = new Map(list.passes.map((p) => [p.hash, p]));
    expect(byHash.get(sha256(guest.code))).toMatchObject({ kind: 'event', event: event.id, revoked: false });
    expect(byHash.get(sha256(someone.code))).toMatchObject({ kind: 'member', event: '', revoked: false });
    expect(byHash.get(sha256(leaver.code))).toMatchObject({ kind: 'member', revoked: true });
    expect(byHash.has(sha256(laterGuest.code))).toBe(false);
    expect(list.scans).toContainEqual(
      expect.objectContaining({ hash: sha256(guest.code), event: event.id, direction: 'in', device: 'door-1', verdict: 'admitted' }),
    );

    // names open only with the code; the list itself holds no code and no name
    expect(openName(byHash.get(sha256(guest.code))!.name, guest.code)).toBe('Åsa Öberg');
    expect(openName(byHash.get(sha256(someone.code))!.name, someone.code)).toBe('Erik Sandberg');
    expect(() => openName(byHash.get(sha256(guest.code))!.name, someone.code)).toThrow();
    const text = JSON.stringify(list);
    for (const secret of [guest.code, someone.code, 'Åsa Öberg', 'Erik Sandberg', guest.user.id]) expect(text).not.toContain(secret);

    // a door deciding offline from this list gives the verdicts the server gives
    const lookup = (code: string) => byHash.get(sha256(code));
    const offline = (code: string) =>
      decide(
        {
          code,
          pass: lookup(code),
          events: list.events,
          scans: list.scans,
          door: { kind: 'event', event: event.id },
          direction: 'in',
          at: new Date(),
        },
        dayOf,
      );
    expect(offline(guest.code)).toMatchObject({ verdict: 'already_in', firstScan: { device: 'door-1' } });
    expect(offline(someone.code).verdict).toBe('wrong_event');
    const online = await call(host, '/api/coffice/scan', 'POST', { code: guest.code, event: event.id });
    expect(online.body.verdict).toBe('already_in');
  });

  it('takes a window of up to 7 days and refuses anything else with a 400 naming it', async () => {
    const from = new Date(Date.now() + 8 * 24 * 3600_000);
    const to = new Date(from.getTime() + 2 * 3600_000);
    const event = await createEvent(server.admin, { starts: toStored(from.getTime() + 3600_000), ends: toStored(to.getTime()) });
    const list = await doorList(`?from=${from.toISOString()}&to=${to.toISOString()}`);
    expect(list.body.events.map((e) => e.id)).toEqual([event.id]);
    expect(await doorList('?from=yesterday')).toMatchObject({
      status: 400,
      message: '"from" must be a date and time like 2026-11-30T00:00:00.000Z.',
    });
    expect(await doorList(`?from=${to.toISOString()}&to=${from.toISOString()}`)).toMatchObject({
      status: 400,
      message: '"to" must not be before "from".',
    });
    const far = new Date(from.getTime() + 8 * 24 * 3600_000).toISOString();
    expect(await doorList(`?from=${from.toISOString()}&to=${far}`)).toMatchObject({
      status: 400,
      message: '"from" and "to" may be at most 7 days apart.',
    });
  });

  it('is for hosts only', async () => {
    for (const role of ['member', 'guest'] as const) {
      expect(await doorList('', (await server.person(role)).pb)).toMatchObject({ status: 403, message: 'Only hosts can use the door.' });
    }
    expect((await doorList('', server.client())).status).toBe(401);
  });
});

describe('who is inside', () => {
  it('counts people whose last admitted scan today is in, at the front door and per event', async () => {
    const before = (await call<{ front: number; events: Record<string, number> }>(host, '/api/coffice/inside', 'GET')).body;
    const event = await openEvent(server);
    const [a, b] = [await member(server), await member(server)];
    const guests = [await eventGuest(server, event.id), await eventGuest(server, event.id)];
    const scan = (body: object) => call(host, '/api/coffice/scan', 'POST', body);
    await scan({ code: a.code });
    await scan({ code: b.code });
    await scan({ code: b.code, direction: 'out' }); // b leaves again
    await scan({ code: 'CF1:AAAAAAAAAAAAAAAAAAAAAAAAAA' }); // unknown: nobody
    for (const g of guests) await scan({ code: g.code, event: event.id });
    await scan({ code: guests[0].code, event: event.id, direction: 'out' });
    await scan({ code: guests[1].code, event: event.id }); // already_in: still one person
    const after = (await call<{ front: number; events: Record<string, number> }>(host, '/api/coffice/inside', 'GET')).body;
    expect(after.front - before.front).toBe(1);
    expect(after.events[event.id]).toBe(1);
    expect((await call((await server.person('member')).pb, '/api/coffice/inside', 'GET')).status).toBe(403);
  });

  it('keeps counting who came to an event after it ended, when nobody is inside any more (issue #12)', async () => {
    // the whole event on today's venue day, which "came" counts (CI may run just after midnight)
    await awayFromMidnight({ after: 60_000 });
    const span = Math.min(2 * 3600_000, sinceVenueMidnight() - 20_000);
    const starts = Date.now() - span;
    const event = await createEvent(server.admin, { starts: toStored(starts), ends: toStored(Date.now() - 5_000) });
    const guests = [await eventGuest(server, event.id), await eventGuest(server, event.id), await eventGuest(server, event.id)];
    const scan = (code: string, at: number, direction = 'in') =>
      call(host, '/api/coffice/scan', 'POST', { code, event: event.id, direction, scanned_at: new Date(at).toISOString() });
    for (const [i, g] of guests.entries()) expect((await scan(g.code, starts + i * 1000)).body.verdict).toBe('admitted');
    await scan(guests[0].code, starts + 5000); // already_in: still one person
    for (const [i, g] of guests.entries()) await scan(g.code, starts + span / 2 + i * 1000, 'out');
    const inside = (await call<{ events: Record<string, number>; came: Record<string, number> }>(host, '/api/coffice/inside', 'GET')).body;
    expect(inside.events[event.id] ?? 0).toBe(0);
    expect(inside.came[event.id]).toBe(3);
  });
});

describe('door devices', () => {
  it('are named by hosts; the door list maps ids to names, and a repeat names the first door (issue #12)', async () => {
    const device = `door-${newId().slice(0, 6)}`;
    expect((await call(host, '/api/coffice/door-device', 'POST', { device, name: '  Entrén ' })).body).toEqual({ device, name: 'Entrén' });
    const someone = await member(server);
    await call(host, '/api/coffice/scan', 'POST', { code: someone.code, device });
    const again = await call(host, '/api/coffice/scan', 'POST', { code: someone.code, device: 'door-other' });
    expect(again.body).toMatchObject({ verdict: 'already_in', first_scan: { device, device_name: 'Entrén' } });
    expect((await call<DoorList & { devices: Record<string, string> }>(host, '/api/coffice/door-list', 'GET')).body.devices[device]).toBe(
      'Entrén',
    );
    // renamed: the same device, a new name, everywhere at once
    await call(host, '/api/coffice/door-device', 'POST', { device, name: 'Kvarnen' });
    expect((await call<{ devices: Record<string, string> }>(host, '/api/coffice/door-list', 'GET')).body.devices[device]).toBe('Kvarnen');
    const repeatNames = async () => {
      const names = new Set<unknown>();
      for (let i = 0; i < 4; i++) {
        const answer = await call<{ first_scan: { device_name?: string } }>(host, '/api/coffice/scan', 'POST', { code: someone.code });
        names.add(answer.body.first_scan.device_name);
      }
      return [...names];
    };
    expect(await repeatNames()).toEqual(['Kvarnen']);
    // the operator renames it in the admin UI: the scan answers' kept names follow too
    const record = await server.admin.collection('door_devices').getFirstListItem(`device = "${device}"`);
    await server.admin.collection('door_devices').update(record.id, { name: 'Ingången' });
    expect(await repeatNames()).toEqual(['Ingången']);

    expect(await call(host, '/api/coffice/door-device', 'POST', { device, name: 'x'.repeat(41) })).toMatchObject({
      status: 400,
      message: '"name" is longer than 40 characters.',
    });
    expect(await call(host, '/api/coffice/door-device', 'POST', { name: 'Entrén' })).toMatchObject({
      status: 400,
      message: '"device" is missing (the door device\'s id).',
    });
    expect(await call(someone.pb, '/api/coffice/door-device', 'POST', { device, name: 'Mitt' })).toMatchObject({ status: 403 });
  });
});
