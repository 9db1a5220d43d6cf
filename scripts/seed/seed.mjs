// Writes the demo venue into an empty Coffice through the API, as an operator.
// Never writes into a database that already has people or events.
import PocketBase from 'pocketbase';
import { buildDemoVenue, DEMO_PASSWORD } from './demo-data.mjs';
import { toStored } from '../lib/venue-time.mjs';

/**
 * @param {PocketBase} pb
 * @param {{ collection: string, body: Record<string, any> }[]} creates
 * @param {{ size?: number, progress?: (done: number) => void }} [options] size: keep each batch
 *   well inside the server's batch timeout (password hashing is slow on purpose)
 */
async function inBatches(pb, creates, { size = 100, progress } = {}) {
  for (let i = 0; i < creates.length; i += size) {
    const batch = pb.createBatch();
    for (const { collection, body } of creates.slice(i, i + size)) batch.collection(collection).create(body);
    await batch.send({ requestKey: null });
    progress?.(Math.min(i + size, creates.length));
  }
}

/** @param {PocketBase} pb */
export async function isEmpty(pb) {
  const counts = await Promise.all(
    ['users', 'events', 'companies', 'spaces'].map((c) =>
      pb.collection(c).getList(1, 1, { requestKey: null }).then((r) => r.totalItems),
    ),
  );
  return counts.every((n) => n === 0);
}

/**
 * @param {string} url
 * @param {{ email: string, password: string }} operator
 * @param {{ now?: Date, log?: (line: string) => void }} [options]
 */
export async function seedDemoVenue(url, operator, { now = new Date(), log = console.log } = {}) {
  const pb = new PocketBase(url);
  await pb.collection('_superusers').authWithPassword(operator.email, operator.password);
  if (!(await isEmpty(pb))) {
    log('The database already has data: demo data not added.');
    return false;
  }
  const venue = buildDemoVenue(now);
  log(`Adding the demo venue: ${venue.companies.length} companies, ${venue.users.length} people, ${venue.events.length} events…`);

  await inBatches(pb, [
    ...venue.spaces.map((body) => ({ collection: 'spaces', body })),
    ...venue.companies.map((body) => ({ collection: 'companies', body })),
  ]);
  await inBatches(
    pb,
    venue.users.map((u) => ({
      collection: 'users',
      body: { ...u, password: DEMO_PASSWORD, passwordConfirm: DEMO_PASSWORD, verified: true, emailVisibility: false },
    })),
    { size: 4 },
  );
  await inBatches(pb, venue.events.map(({ startsAt: _, ...body }) => ({ collection: 'events', body })));
  await inBatches(
    pb,
    venue.bookings.map(({ starts, ends, ...body }) => ({ collection: 'bookings', body: { ...body, starts: toStored(starts), ends: toStored(ends) } })),
  );
  await inBatches(
    pb,
    venue.registrations.map((r) => ({ collection: 'registrations', body: { id: r.id, event: r.event, user: r.user } })),
    { progress: (done) => log(`  registrations ${done}/${venue.registrations.length}`) },
  );

  // Check-ins need the passes the server created.
  const passes = await pb.collection('passes').getFullList({ batch: 1000, requestKey: null });
  const eventPassOf = new Map(passes.filter((p) => p.kind === 'event').map((p) => [p.registration, p]));
  const memberPassOf = new Map(passes.filter((p) => p.kind === 'member').map((p) => [p.holder, p]));
  const checkins = [];
  for (const r of venue.registrations.filter((x) => x.attended)) {
    const pass = eventPassOf.get(r.id);
    if (!pass) continue; // waitlisted: never got in
    const at = new Date(r.startsAt.getTime() - (5 + Math.floor(((r.id.charCodeAt(0) * 7) % 25))) * 60000);
    checkins.push({ pass: pass.id, holder: r.user, event: r.event, at, direction: 'in' });
  }
  for (const v of venue.visits) {
    const pass = memberPassOf.get(v.user);
    if (pass) checkins.push({ pass: pass.id, holder: v.user, event: '', at: v.at, direction: v.direction });
  }
  await inBatches(
    pb,
    checkins.map((c) => ({
      collection: 'checkins',
      body: {
        pass: c.pass, holder: c.holder, event: c.event, direction: c.direction, source: 'door',
        verdict: 'admitted', scanned_at: toStored(c.at), device: 'door-tablet', conflict: false,
      },
    })),
    { size: 200, progress: (done) => log(`  check-ins ${done}/${checkins.length}`) },
  );
  log('Demo venue ready.');
  return true;
}
