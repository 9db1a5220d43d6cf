// The venue's settings (name, address, map link) against a real PocketBase: everyone reads
// them, only hosts change them, and every calendar feed's LOCATION follows the change.
import nodeIcal, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TypedPocketBase } from '../../src/lib/pocketbase/types';
import { createEvent, minutesFromNow, startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
let host: TypedPocketBase;
beforeAll(async () => {
  server = await startTestServer();
  host = (await server.person('host', 'Maja Lindqvist')).pb;
});
afterAll(() => server?.stop());

const VENUE_ID = 'venuesettings01';

async function status(promise: Promise<unknown>) {
  return promise.then(
    () => 200,
    (e: { status: number }) => e.status,
  );
}

describe('the venue settings', () => {
  it('start as the demo venue at Hagatorget in Söderköping, readable by anyone signed in or not', async () => {
    const venue = await server.client().collection('venue').getOne(VENUE_ID);
    expect(venue).toMatchObject({ name: 'Coffice Söderköping', address: 'Hagatorget 1, 614 30 Söderköping' });
    expect(venue.map_url).toMatch(/^https:\/\/www\.openstreetmap\.org\/search\?query=Hagatorget/);
    const list = await server.client().collection('venue').getFullList();
    expect(list.map((v) => v.id)).toEqual([VENUE_ID]);
  });

  it('are changed by hosts only; nobody makes a second one or deletes it', async () => {
    for (const role of ['guest', 'member'] as const) {
      const { pb } = await server.person(role);
      expect(await status(pb.collection('venue').update(VENUE_ID, { name: 'Kapad' }))).toBeOneOf([403, 404]);
    }
    expect(await status(server.client().collection('venue').update(VENUE_ID, { name: 'Kapad' }))).toBeOneOf([403, 404]);
    expect(await status(host.collection('venue').create({ name: 'Ett till' }))).toBe(403);
    expect(await status(host.collection('venue').delete(VENUE_ID))).toBeOneOf([403, 404]);
    expect(await status(host.collection('venue').update(VENUE_ID, { map_url: 'javascript:alert(1)' }))).toBe(400);
    expect(await status(host.collection('venue').update(VENUE_ID, { name: '  ' }))).toBe(400);
    expect((await server.admin.collection('venue').getOne(VENUE_ID)).name).toBe('Coffice Söderköping');
  });

  it("a host's change reaches every calendar feed's LOCATION", async () => {
    const { pb, user } = await server.person('member', 'Erik Sandberg');
    const space = await server.admin.collection('spaces').create({ name: 'Ljusgården', kind: 'event_area', capacity: 40 });
    const event = await createEvent(server.admin, {
      title: 'Kvällsföredrag',
      space: space.id,
      starts: minutesFromNow(600),
      ends: minutesFromNow(660),
    });
    await pb.collection('registrations').create({ event: event.id, user: user.id });
    const { path } = await pb.send<{ path: string }>('/api/coffice/calendar-feed', { method: 'GET' });
    const location = async () => {
      const text = await (await fetch(server.url + path)).text();
      const [entry] = Object.values(nodeIcal.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
      return entry.location;
    };
    expect(await location()).toBe('Ljusgården, Coffice Söderköping, Hagatorget 1, 614 30 Söderköping');
    await host.collection('venue').update(VENUE_ID, {
      name: 'Coffice Norrköping',
      address: 'Drottninggatan 2, 602 24 Norrköping',
      map_url: 'https://www.openstreetmap.org/search?query=Drottninggatan%20Norrk%C3%B6ping',
    });
    expect(await location()).toBe('Ljusgården, Coffice Norrköping, Drottninggatan 2, 602 24 Norrköping');
    await host.collection('venue').update(VENUE_ID, {
      name: 'Coffice Söderköping',
      address: 'Hagatorget 1, 614 30 Söderköping',
    });
  });
});
