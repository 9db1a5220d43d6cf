// What the venue keeps, and for how long: check-ins older than COFFICE_RETENTION_MONTHS (24)
// lose their link to a person while the numbers insights gives stay the same; newer ones keep it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createEvent, startTestServer, type TestServer } from '../helpers/server';
import { toStored } from '../../src/lib/time/venue-clock';
import { member } from './door-fixtures';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const DAY = 86_400_000;
const venueDay = (ms: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date(ms));

it('check-ins past 24 months lose the person and keep their counts; newer ones keep the person', async () => {
  const host = await server.person('host');
  const [anna, bertil] = [await member(server, 'Anna'), await member(server, 'Bertil')];
  const event = await createEvent(server.admin, { title: 'Frukost', capacity: 0 });
  // a Tuesday and a Wednesday about 26 months ago, at noon; and one a month ago
  const old = Date.now() - 26 * 30 * DAY;
  const [dayOne, dayTwo, recent] = [old, old + DAY, Date.now() - 30 * DAY].map((ms) => {
    const noon = new Date(`${venueDay(ms)}T12:00:00+01:00`).getTime();
    return noon;
  });
  const checkin = (who: { user: { id: string }; pass: { id: string } }, at: number, fields: Record<string, unknown> = {}) =>
    server.admin.collection('checkins').create({
      holder: who.user.id,
      pass: who.pass.id,
      event: '',
      direction: 'in',
      source: 'door',
      verdict: 'admitted',
      scanned_at: toStored(at),
      device: 'retention-door',
      ...fields,
    });
  const oldOnes = [
    await checkin(anna, dayOne),
    await checkin(anna, dayOne + 3600_000), // twice on one day: one visit
    await checkin(bertil, dayOne),
    await checkin(anna, dayTwo),
    await checkin(anna, dayOne, { event: event.id }),
    await checkin(anna, dayOne + 60_000, { event: event.id }), // twice at one event: one participant
    await checkin(bertil, dayOne, { event: event.id }),
  ];
  const newer = await checkin(anna, recent);

  const period = `from=${venueDay(dayOne - 7 * DAY)}&to=${venueDay(dayTwo + 7 * DAY)}`;
  const numbers = () => host.pb.send(`/api/coffice/insights?${period}`, {});
  const before = await numbers();
  expect(before).toMatchObject({ participants: 2 });

  await server.admin.crons.run('coffice-retention');
  await expect
    .poll(
      async () => (await server.admin.collection('checkins').getFullList({ filter: 'device = "retention-door" && holder = ""' })).length,
      { timeout: 15_000 },
    )
    .toBe(oldOnes.length);

  for (const record of oldOnes) {
    const now = await server.admin.collection('checkins').getOne(record.id);
    expect(now).toMatchObject({
      holder: '',
      pass: '',
      direction: 'in',
      verdict: 'admitted',
      event: record.event,
      scanned_at: record.scanned_at,
    });
  }
  expect(await server.admin.collection('checkins').getOne(newer.id)).toMatchObject({ holder: anna.user.id, pass: anna.pass.id });
  // nothing on the API leads back to the person: the key is hidden, and even the operator sees no holder
  expect(JSON.stringify(await server.admin.collection('checkins').getOne(oldOnes[0].id))).not.toContain(anna.user.id);
  expect(await numbers()).toEqual(before);

  // a second night changes nothing more
  await server.admin.crons.run('coffice-retention');
  expect(await numbers()).toEqual(before);
});
