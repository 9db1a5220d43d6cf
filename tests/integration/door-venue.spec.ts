// The rest of the door against a real PocketBase: the front-door poster and members' self
// check-in, walk-ins registered at the door, the closing time and the automatic check-out
// that PocketBase's own cron runs at it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CheckinRecord, TypedPocketBase } from '../../src/lib/pocketbase/types';
import { fromStored } from '../../src/lib/time/venue-clock';
import { createEvent, startTestServer, type TestServer } from '../helpers/server';
import { awayFromMidnight, call, member, newId, openEvent } from './door-fixtures';

let server: TestServer;
let host: TypedPocketBase;
beforeAll(async () => {
  server = await startTestServer();
  host = (await server.person('host', 'Maja Lindqvist')).pb;
});
afterAll(() => server?.stop());
// counts and in/out follow the venue's day: no test's requests straddle its midnight
beforeEach(() => awayFromMidnight());

type Poster = { code: string; url: string; day: string; day_code: string; day_url: string };
const poster = (pb = host) => call<Poster>(pb, '/api/coffice/door-poster', 'GET');
/** A member at the entrance: the poster's text and the door code of the day the door screen shows. */
const selfCheckin = async (pb: TypedPocketBase, door: unknown) =>
  call(pb, '/api/coffice/self-checkin', 'POST', { door, day_code: (await poster()).body.day_code });

describe('the door poster and self check-in', () => {
  it('gives hosts one poster until it is rotated; the old poster stops working at once', async () => {
    const first = (await poster()).body;
    expect(first.code).toMatch(/^[A-Z2-7]{26}$/);
    expect(first.url).toBe(`${server.url}/checkin/${first.code}`);
    expect(first.day_url).toBe(`${first.url}?day=${first.day_code}`);
    expect((await poster()).body).toEqual(first);
    const someone = await member(server);
    expect((await selfCheckin(someone.pb, first.url)).body).toMatchObject({ verdict: 'admitted', direction: 'in' });

    const rotated = (await call<Poster>(host, '/api/coffice/door-poster/rotate')).body;
    expect(rotated.code).not.toBe(first.code);
    expect((await poster()).body).toEqual(rotated);
    expect(await selfCheckin(someone.pb, first.url)).toMatchObject({
      status: 400,
      message: '"door" is an old or unknown poster. Scan the poster at the entrance, or ask a host.',
    });
    expect((await selfCheckin(someone.pb, rotated.code)).body).toMatchObject({ verdict: 'admitted', direction: 'out' });
  });

  it('toggles a member in and out (their own check-out), recorded as self check-ins; the host’s door sees them inside', async () => {
    const { url } = (await poster()).body;
    const someone = await member(server, 'Erik Sandberg');
    expect((await selfCheckin(someone.pb, url)).body).toMatchObject({ verdict: 'admitted', direction: 'in', holder_name: 'Erik Sandberg' });
    // the host's door sees them inside: their pass there is a repeat, not an exit
    expect((await call(host, '/api/coffice/scan', 'POST', { code: someone.code })).body).toMatchObject({
      verdict: 'already_in',
      direction: 'in',
    });
    expect((await selfCheckin(someone.pb, url)).body).toMatchObject({ verdict: 'admitted', direction: 'out' });
    expect((await selfCheckin(someone.pb, url)).body).toMatchObject({ verdict: 'admitted', direction: 'in' });
    const mine = await server.admin
      .collection('checkins')
      .getFullList<CheckinRecord>({ filter: `holder = "${someone.user.id}"`, sort: 'scanned_at' });
    expect(mine.map((c) => [c.source, c.verdict, c.direction])).toEqual([
      ['self', 'admitted', 'in'],
      ['door', 'already_in', 'in'],
      ['self', 'admitted', 'out'],
      ['self', 'admitted', 'in'],
    ]);
  });

  it('refuses guests, texts that are not a poster, and hosts only may see or rotate the poster', async () => {
    const { url } = (await poster()).body;
    const guest = await server.person('guest');
    expect(await selfCheckin(guest.pb, url)).toMatchObject({
      status: 403,
      message: 'Only members can check themselves in. Ask a host at the door.',
    });
    const someone = await member(server);
    for (const text of ['https://evil.example/checkin/x', someone.code, '<script>alert(1)</script>', 'A'.repeat(5000)]) {
      expect(await selfCheckin(someone.pb, text)).toMatchObject({
        status: 400,
        message: '"door" is not a Coffice door poster. Scan the poster at the entrance.',
      });
    }
    expect(await call(someone.pb, '/api/coffice/self-checkin', 'POST', {})).toMatchObject({ status: 400 });
    expect((await selfCheckin(server.client(), url)).status).toBe(401);
    expect(await poster(someone.pb)).toMatchObject({ status: 403 });
    expect(await call(someone.pb, '/api/coffice/door-poster/rotate')).toMatchObject({ status: 403 });
    expect((await poster()).body.url).toBe(url);
  });
});

describe('walk-ins', () => {
  const walkIn = (body: Record<string, unknown>, pb = host) => call(pb, '/api/coffice/walk-in', 'POST', body);

  it('registers someone at the front door and admits them at once; a replay stores nothing new', async () => {
    const inside = async () => (await call<{ front: number }>(host, '/api/coffice/inside', 'GET')).body.front;
    const before = await inside();
    const id = newId();
    const answer = await walkIn({ id, name: '  Karin Ek  ', device: 'door-1' });
    expect(answer.body).toMatchObject({ verdict: 'admitted', direction: 'in', holder_name: 'Karin Ek', checkin_id: id });
    const checkin = await server.admin.collection('checkins').getOne<CheckinRecord>(id);
    expect(checkin).toMatchObject({ source: 'manual', event: '', pass: '', verdict: 'admitted', device: 'door-1' });
    const person = await server.admin.collection('users').getOne(checkin.holder);
    expect(person).toMatchObject({ name: 'Karin Ek', role: 'guest' });
    for (let i = 0; i < 3; i++)
      expect((await walkIn({ id, name: 'Karin Ek' })).body).toMatchObject({ checkin_id: id, holder_name: 'Karin Ek', known: true });
    expect((await server.admin.collection('users').getList(1, 1, { filter: 'name = "Karin Ek"' })).totalItems).toBe(1);
    expect(await inside()).toBe(before + 1); // counted like everyone else, once
  });

  it('with an event: a confirmed registration (even when full) and an event pass, checked in at that event', async () => {
    const event = await openEvent(server, { capacity: 1 });
    const first = await member(server);
    await server.admin.collection('registrations').create({ event: event.id, user: first.user.id });
    const id = newId();
    const answer = await walkIn({ id, name: 'Olle Holm', email: 'Olle.Holm@example.se', event: event.id });
    expect(answer.body).toMatchObject({ verdict: 'admitted', holder_name: 'Olle Holm', event: event.id });
    const checkin = await server.admin.collection('checkins').getOne<CheckinRecord>(id);
    const person = await server.admin.collection('users').getFirstListItem('email = "olle.holm@example.se"');
    const registration = await server.admin.collection('registrations').getFirstListItem(`event = "${event.id}" && user = "${person.id}"`);
    expect(registration.status).toBe('confirmed');
    const pass = await server.admin.collection('passes').getOne(checkin.pass);
    expect(pass).toMatchObject({ registration: registration.id, revoked: false });
    // their pass now says so at the event's door
    expect((await call(host, '/api/coffice/scan', 'POST', { code: pass.code, event: event.id })).body.verdict).toBe('already_in');
  });

  it('refuses bad bodies with a 400 naming the item, a closed event, and anyone but a host', async () => {
    const cancelled = await createEvent(server.admin);
    await server.admin.collection('events').update(cancelled.id, { status: 'cancelled' });
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'Ann' }, '"id" is missing (a 15-character id made by the device).'],
      [{ id: newId() }, '"name" is missing (the walk-in’s name).'],
      [{ id: newId(), name: '   ' }, '"name" is missing (the walk-in’s name).'],
      [{ id: newId(), name: 'Ann', email: 'not-an-address' }, '"email" is not an email address.'],
      [{ id: newId(), name: 'Ann', event: 'zzzzzzzzzzzzzzz' }, '"event" is not an event of this venue.'],
      [{ id: newId(), name: 'Ann', event: cancelled.id }, '"event" is not open: it is cancelled or not yet published.'],
    ];
    for (const [body, message] of cases) expect(await walkIn(body)).toMatchObject({ status: 400, message });
    expect(await walkIn({ id: newId(), name: 'Ann' }, (await server.person('member')).pb)).toMatchObject({ status: 403 });
    expect((await server.admin.collection('users').getList(1, 1, { filter: 'name = "Ann"' })).totalItems).toBe(0);
  });
});

describe('closing time', () => {
  const settings = (pb = host) => call<{ closing_time: string }>(pb, '/api/coffice/door-settings', 'GET');
  const setClosing = (closing_time: unknown, pb = host) => call(pb, '/api/coffice/door-settings', 'POST', { closing_time });

  it('is set by hosts as HH:MM venue time, or "" for none', async () => {
    expect((await settings()).body).toEqual({ closing_time: '' });
    for (const bad of ['25:00', '7:00', '22:00:00', 'tonight']) {
      expect(await setClosing(bad)).toMatchObject({
        status: 400,
        message: '"closing_time" must be a time like "22:00" (24-hour, venue time), or "" for none.',
      });
    }
    expect(await setClosing(22)).toMatchObject({ status: 400 });
    const someone = await member(server);
    expect(await setClosing('21:00', someone.pb)).toMatchObject({ status: 403 });
    expect(await settings(someone.pb)).toMatchObject({ status: 403 });
    expect((await setClosing('22:30')).body).toEqual({ closing_time: '22:30' });
    expect((await settings()).body).toEqual({ closing_time: '22:30' });
    expect((await setClosing('')).body).toEqual({ closing_time: '' });
  });

  it(
    'checks out, at the closing time, everyone still inside at the front door (PocketBase’s cron, within a minute)',
    { timeout: 400_000 },
    async ({ skip }) => {
      // the closing minute, the cron's check-out a minute later and the checks after it: one venue day
      await awayFromMidnight({ before: 3 * 60_000, after: 60_000 });
      const wallClock = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' });
      skip(
        wallClock.format(Date.now()) === wallClock.format(Date.now() - 3600_000),
        'the hour the clock shows twice in October: a closing time then means its first showing, an hour ago',
      );
      const stays = await member(server);
      const leaves = await member(server);
      const late = await member(server);
      // closing time: this very minute of the venue's clock
      const closing = Math.floor(Date.now() / 60_000) * 60_000;
      const hhmm = wallClock.format(closing);
      const scan = (code: string, ms: number) => call(host, '/api/coffice/scan', 'POST', { code, scanned_at: new Date(ms).toISOString() });
      await scan(stays.code, closing - 2000);
      await scan(leaves.code, closing - 2000);
      await call(host, '/api/coffice/scan', 'POST', {
        code: leaves.code,
        direction: 'out',
        scanned_at: new Date(closing - 1000).toISOString(),
      });
      await scan(late.code, closing); // came at closing time: left alone
      expect((await setClosing(hhmm)).body).toEqual({ closing_time: hhmm });

      const ours = [stays, leaves, late].map((m) => `holder = "${m.user.id}"`).join(' || ');
      const closedOut = () =>
        server.admin.collection('checkins').getFullList<CheckinRecord>({ filter: `device = "closing-time" && (${ours})` });
      let outs = await closedOut();
      while (outs.length === 0) {
        await new Promise((resolve) => setTimeout(resolve, 250)); // polling gently: the cron ticks once a minute
        outs = await closedOut();
      }
      expect(outs.map((c) => [c.holder, c.direction, c.source, c.verdict, fromStored(c.scanned_at).getTime()])).toEqual([
        [stays.user.id, 'out', 'manual', 'admitted', closing],
      ]);
      // the member who came after closing is still inside; the one checked out comes in anew
      expect((await call(host, '/api/coffice/scan', 'POST', { code: late.code })).body.verdict).toBe('already_in');
      expect((await call(host, '/api/coffice/scan', 'POST', { code: stays.code })).body).toMatchObject({
        verdict: 'admitted',
        direction: 'in',
      });
    },
  );
});
