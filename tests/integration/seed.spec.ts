// The demo seed finishes what an earlier run left half made (issue #12: under load a first
// `npm start` stopped at "registrations 1200/1549" and no later start completed it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedDemoVenue } from '../../scripts/seed/seed.mjs';
import { buildDemoVenue } from '../../scripts/seed/demo-data.mjs';
import { OPERATOR, startTestServer, type TestServer } from '../helpers/server';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coffice-seed-'));
let server: TestServer | undefined;
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const count = (s: TestServer, collection: string) =>
  s.admin
    .collection(collection)
    .getList(1, 1)
    .then((r) => r.totalItems);

describe('the demo seed', () => {
  it('stopped halfway (the server killed mid-registrations), a second run finishes it with nothing twice', async () => {
    const now = new Date();
    const venue = buildDemoVenue(now);
    server = await startTestServer({ dataDir });
    const first = server;
    let killed = false;
    const stopped = seedDemoVenue(first.url, OPERATOR, {
      now,
      log: (line) => {
        if (!killed && /registrations [3-9]00\//.test(line)) {
          killed = true;
          void first.stop('SIGKILL');
        }
      },
    });
    await expect(stopped).rejects.toThrow();
    expect(killed).toBe(true);

    server = await startTestServer({ dataDir });
    const half = await count(server, 'registrations');
    expect(half).toBeGreaterThan(0);
    expect(half).toBeLessThan(venue.registrations.length);
    // a plain run refuses a database with data; the resume finishes it
    expect(await seedDemoVenue(server.url, OPERATOR, { now, log: () => {} })).toBe(false);
    expect(await seedDemoVenue(server.url, OPERATOR, { now, log: () => {}, resume: true })).toBe(true);

    expect(await count(server, 'users')).toBe(venue.users.length);
    expect(await count(server, 'events')).toBe(venue.events.length);
    expect(await count(server, 'bookings')).toBe(venue.bookings.length);
    expect(await count(server, 'registrations')).toBe(venue.registrations.length);
    const attended = venue.registrations.filter((r) => r.attended);
    const eventCheckins = await server.admin.collection('checkins').getList(1, 1, { filter: "event != ''" });
    // every attended registration that got a place has its check-in, once
    expect(eventCheckins.totalItems).toBeGreaterThan(attended.length * 0.5);
    expect(eventCheckins.totalItems).toBeLessThanOrEqual(attended.length);
    const frontDoor = await server.admin.collection('checkins').getList(1, 1, { filter: "event = ''" });
    expect(frontDoor.totalItems).toBe(venue.visits.filter((v) => venue.users.find((u) => u.id === v.user)).length);

    // a third run adds nothing
    const before = await Promise.all(['users', 'registrations', 'checkins', 'passes'].map((c) => count(server!, c)));
    await seedDemoVenue(server.url, OPERATOR, { now, log: () => {}, resume: true });
    expect(await Promise.all(['users', 'registrations', 'checkins', 'passes'].map((c) => count(server!, c)))).toEqual(before);
  }, 180_000);
});
