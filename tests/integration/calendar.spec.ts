// The personal calendar feed against a real PocketBase: what a calendar app subscribed to
// the webcal URL sees, parsed by an independent parser (node-ical).
import nodeIcal, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TypedPocketBase } from '../../src/lib/pocketbase/types';
import { shiftDay, toStored, venueInstant } from '../../src/lib/time/venue-clock';
import { createEvent, startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

/** A stored date for a Stockholm wall-clock time on a day (YYYY-MM-DD). */
const stockholm = (day: string, hour: number, minute = 0) => toStored(venueInstant(day, hour, minute));

/**
 * The next spring change still more than two days ahead: its Saturday (CET) and Monday
 * (CEST), so the registrations below are for events to come.
 */
function nextSpringChange() {
  for (let year = new Date().getUTCFullYear(); ; year++) {
    const sunday = `${year}-03-${31 - new Date(Date.UTC(year, 2, 31)).getUTCDay()}`;
    const saturday = shiftDay(sunday, -1);
    if (Date.parse(saturday) - Date.now() > 2 * 24 * 3600_000) return { saturday, monday: shiftDay(sunday, 1) };
  }
}

async function feedPath(pb: TypedPocketBase): Promise<string> {
  const answer = await pb.send<{ path: string }>('/api/coffice/calendar-feed', { method: 'GET' });
  return answer.path;
}

async function fetchFeed(path: string) {
  const response = await fetch(server.url + path);
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

function feedEvents(text: string) {
  return Object.values(nodeIcal.sync.parseICS(text))
    .filter((c): c is VEvent => c?.type === 'VEVENT')
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

describe('personal calendar feed', () => {
  it('lists my events at the right local times across the summer-time change, and follows edits', async () => {
    const { pb, user } = await server.person('member', 'Erik Sandberg');
    const { saturday, monday } = nextSpringChange();
    const before = await createEvent(server.admin, {
      title: 'Lördagsföredrag',
      starts: stockholm(saturday, 18),
      ends: stockholm(saturday, 19, 30),
    });
    const after = await createEvent(server.admin, {
      title: 'Måndagsföredrag',
      starts: stockholm(monday, 18),
      ends: stockholm(monday, 19, 30),
    });
    const notMine = await createEvent(server.admin, { title: 'Någon annans kväll' });
    for (const event of [before, after]) {
      await pb.collection('registrations').create({ event: event.id, user: user.id });
    }

    const path = await feedPath(pb);
    expect(path).toMatch(new RegExp(`^/api/coffice/calendar/${user.id}/[a-z0-9]{32}\\.ics$`));
    const feed = await fetchFeed(path);
    expect(feed.status).toBe(200);
    expect(feed.type).toMatch(/^text\/calendar/);
    expect(feed.text).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n');
    expect(feed.text).toContain('X-WR-CALNAME:Coffice – mitt program\r\n');
    expect(feed.text).toContain(`DTSTART;TZID=Europe/Stockholm:${saturday.replaceAll('-', '')}T180000`);
    expect(feed.text).toContain(`DTSTART;TZID=Europe/Stockholm:${monday.replaceAll('-', '')}T180000`);
    const events = feedEvents(feed.text);
    expect(events.map((e) => [e.summary, e.start.toISOString(), e.end?.toISOString()])).toEqual([
      // 18:00 is UTC+1 on the Saturday and UTC+2 on the Monday
      ['Lördagsföredrag', `${saturday}T17:00:00.000Z`, `${saturday}T18:30:00.000Z`],
      ['Måndagsföredrag', `${monday}T16:00:00.000Z`, `${monday}T17:30:00.000Z`],
    ]);
    expect(feed.text).not.toContain(notMine.title);
    expect(events[0].uid).toBe(`${before.id}@coffice`);

    // a host moves the Monday talk to 19:00 and renames it: the same URL shows the change
    await server.admin.collection('events').update(after.id, {
      title: 'Måndagsföredrag (ny tid)',
      starts: stockholm(monday, 19),
      ends: stockholm(monday, 20),
    });
    const edited = feedEvents((await fetchFeed(path)).text);
    expect(edited[1].summary).toBe('Måndagsföredrag (ny tid)');
    expect(edited[1].start.toISOString()).toBe(`${monday}T17:00:00.000Z`);
    expect(Number(edited[1].sequence)).toBeGreaterThanOrEqual(Number(events[1].sequence));
  });

  it('marks waitlisted and cancelled events and leaves out cancelled registrations', async () => {
    const first = await server.person('member');
    const second = await server.person('guest');
    const full = await createEvent(server.admin, { title: 'Liten kurs', capacity: 1 });
    const called = await createEvent(server.admin, { title: 'Inställd frukost' });
    const dropped = await createEvent(server.admin, { title: 'Avbokad träff' });
    await first.pb.collection('registrations').create({ event: full.id, user: first.user.id });
    await second.pb.collection('registrations').create({ event: full.id, user: second.user.id });
    await second.pb.collection('registrations').create({ event: called.id, user: second.user.id });
    const mine = await second.pb.collection('registrations').create({ event: dropped.id, user: second.user.id });
    await second.pb.collection('registrations').update(mine.id, { status: 'cancelled' });
    await server.admin.collection('events').update(called.id, { status: 'cancelled' });

    const events = feedEvents((await fetchFeed(await feedPath(second.pb))).text);
    const byUid = new Map(events.map((e) => [e.uid, e]));
    expect(byUid.get(`${full.id}@coffice`)?.summary).toBe('Väntelista: Liten kurs');
    expect(byUid.get(`${full.id}@coffice`)?.status).toBe('TENTATIVE');
    expect(byUid.get(`${called.id}@coffice`)?.summary).toBe('INSTÄLLT: Inställd frukost');
    expect(byUid.get(`${called.id}@coffice`)?.status).toBe('CANCELLED');
    expect(byUid.has(`${dropped.id}@coffice`)).toBe(false);
    expect(events).toHaveLength(2);
  });

  it('refuses a wrong secret with a plain 404 that reveals nothing', async () => {
    const { pb, user } = await server.person('guest');
    const path = await feedPath(pb);
    const wrong = path.replace(/[a-z0-9]{32}\.ics$/, 'a'.repeat(32) + '.ics');
    for (const attempt of [wrong, `/api/coffice/calendar/${user.id}/.ics`, `/api/coffice/calendar/nosuchuser12345/${'a'.repeat(32)}.ics`]) {
      const answer = await fetchFeed(attempt);
      expect(answer.status).toBe(404);
      expect(answer.text).toBe('Calendar not found. Copy the calendar link again from My programme in Coffice.');
    }
  });

  it('a reset makes the old URL stop working and the new one work', async () => {
    const { pb } = await server.person('member');
    const old = await feedPath(pb);
    expect(await feedPath(pb)).toBe(old); // reading it again does not change it
    const answer = await pb.send<{ path: string }>('/api/coffice/calendar-feed/reset', { method: 'POST' });
    expect(answer.path).not.toBe(old);
    expect((await fetchFeed(old)).status).toBe(404);
    expect((await fetchFeed(answer.path)).status).toBe(200);
    expect(await feedPath(pb)).toBe(answer.path);
  });

  it('keeps the secret server-side: hidden from the API, not settable, the URL routes need a sign-in', async () => {
    const { pb, user } = await server.person('member');
    await feedPath(pb);
    const me = await pb.collection('users').getOne(user.id);
    expect(me).not.toHaveProperty('calendar_secret');
    const host = await server.person('host');
    expect(await host.pb.collection('users').getOne(user.id)).not.toHaveProperty('calendar_secret');

    await pb
      .collection('users')
      .update(user.id, { calendar_secret: 'chosenbyme' })
      .catch(() => undefined);
    expect((await fetchFeed(`/api/coffice/calendar/${user.id}/chosenbyme.ics`)).status).toBe(404);

    const anonymous = server.client();
    await expect(anonymous.send('/api/coffice/calendar-feed', { method: 'GET' })).rejects.toMatchObject({ status: 401 });
    await expect(anonymous.send('/api/coffice/calendar-feed/reset', { method: 'POST' })).rejects.toMatchObject({ status: 401 });
  });
});
