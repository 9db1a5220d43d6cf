// Writes the demo venue into an empty Coffice through the API, as an operator.
// Never writes into a database that already has people or events, except to finish a demo
// venue an earlier run left half made: every demo record has a fixed id, so a second run
// adds exactly what is missing and nothing twice.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import PocketBase from 'pocketbase';
import { buildDemoVenue, DEMO_LOGINS, DEMO_PASSWORD } from './demo-data.mjs';
import { toStored } from '../lib/venue-clock.mjs';

/** Beside the database: when the demo venue was begun, and whether it was finished. */
export const SEED_MARK = 'coffice-demo-seed.json';

/**
 * @param {string} dataDir
 * @returns {{ now: string, finished: boolean } | null}
 */
export function readSeedMark(dataDir) {
  try {
    const mark = JSON.parse(fs.readFileSync(path.join(dataDir, SEED_MARK), 'utf8'));
    return typeof mark?.now === 'string' && !Number.isNaN(Date.parse(mark.now))
      ? { now: mark.now, finished: mark.finished === true }
      : null;
  } catch {
    return null;
  }
}

/** @param {string} dataDir @param {{ now: string, finished: boolean }} mark */
export function writeSeedMark(dataDir, mark) {
  fs.writeFileSync(path.join(dataDir, SEED_MARK), JSON.stringify(mark, null, 2));
}

/**
 * A record id (15 characters a–z0–9) that follows from `key`, so a check-in made again on a
 * second run has the id it had on the first.
 * @param {string} key
 */
export function idFor(key) {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = crypto.createHash('sha256').update(key).digest();
  let id = '';
  for (let i = 0; i < 15; i++) id += alphabet[bytes[i] % alphabet.length];
  return id;
}

/**
 * @typedef {{ collection: string, body: Record<string, any> & { id: string } }} Create
 * @typedef {{ createBatch(): { collection(name: string): { create(body: Record<string, any>): void }, send(options?: object): Promise<unknown> },
 *   collection(name: string): { getFullList(options?: object): Promise<{ id: string }[]> } }} Writer
 */

/** @param {Writer} pb @param {string} collection @returns {Promise<Set<string>>} */
async function existingIds(pb, collection) {
  const records = await pb.collection(collection).getFullList({ fields: 'id', batch: 1000, requestKey: null });
  return new Set(records.map((r) => r.id));
}

/**
 * Creates the records of one collection that do not exist yet, in batches. A batch the server
 * refuses (its 5 s transaction limit under load: password hashing is slow on purpose) is
 * tried again in halves, down to one record; only a single record that fails stops the run.
 * @param {Writer} pb
 * @param {string} collection
 * @param {Create['body'][]} bodies
 * @param {{ size?: number, progress?: (done: number, total: number) => void }} [options]
 */
export async function createMissing(pb, collection, bodies, { size = 100, progress } = {}) {
  let have = await existingIds(pb, collection);
  let todo = bodies.filter((b) => !have.has(b.id));
  const total = bodies.length;
  let done = total - todo.length;
  let current = size;
  while (todo.length > 0) {
    const slice = todo.slice(0, current);
    try {
      const batch = pb.createBatch();
      for (const body of slice) batch.collection(collection).create(body);
      await batch.send({ requestKey: null });
      todo = todo.slice(slice.length);
      done += slice.length;
      progress?.(done, total);
    } catch (error) {
      if (current === 1) {
        const reason = /** @type {{ message?: string }} */ (error).message ?? String(error);
        throw new Error(`${collection} ${done}/${total}: ${reason}`, { cause: error });
      }
      current = Math.max(1, Math.floor(slice.length / 2));
      // a batch whose answer was lost may have been written: never create a record twice
      have = await existingIds(pb, collection);
      todo = todo.filter((b) => !have.has(b.id));
      done = total - todo.length;
    }
  }
}

/** @param {PocketBase} pb */
export async function isEmpty(pb) {
  const counts = await Promise.all(
    ['users', 'events', 'companies', 'spaces'].map((c) =>
      pb
        .collection(c)
        .getList(1, 1, { requestKey: null })
        .then((r) => r.totalItems),
    ),
  );
  return counts.every((n) => n === 0);
}

/**
 * @param {string} url
 * @param {{ email: string, password: string }} operator
 * @param {{ now?: Date, log?: (line: string) => void, resume?: boolean }} [options] resume: finish
 *   a demo venue begun at `now` by an earlier run (the database is then not empty)
 */
export async function seedDemoVenue(url, operator, { now = new Date(), log = console.log, resume = false } = {}) {
  const pb = new PocketBase(url);
  await pb.collection('_superusers').authWithPassword(operator.email, operator.password);
  if (!resume && !(await isEmpty(pb))) {
    log('The database already has data: demo data not added.');
    return false;
  }
  const venue = buildDemoVenue(now);
  log(
    `${resume ? 'Finishing' : 'Adding'} the demo venue: ${venue.companies.length} companies, ${venue.users.length} people, ${venue.events.length} events…`,
  );
  /** @param {string} what */
  const report = (what) => (/** @type {number} */ done, /** @type {number} */ total) => log(`  ${what} ${done}/${total}`);

  await createMissing(pb, 'spaces', venue.spaces);
  await createMissing(pb, 'companies', venue.companies);
  await createMissing(
    pb,
    'users',
    // the demo's made-up people get no notice mails (their registrations would mail hundreds of
    // invented addresses); the three demo sign-ins do, to show them
    venue.users.map((u) => ({
      ...u,
      password: DEMO_PASSWORD,
      passwordConfirm: DEMO_PASSWORD,
      verified: true,
      emailVisibility: false,
      mail_notices: DEMO_LOGINS.some((login) => login.email === u.email) ? 'all' : 'none',
    })),
    { size: 4, progress: report('people') },
  );
  await createMissing(
    pb,
    'events',
    venue.events.map(({ startsAt: _, ...body }) => body),
  );
  await createMissing(
    pb,
    'bookings',
    venue.bookings.map(({ starts, ends, ...body }) => ({ ...body, starts: toStored(starts), ends: toStored(ends) })),
  );
  await createMissing(
    pb,
    'registrations',
    venue.registrations.map((r) => ({ id: r.id, event: r.event, user: r.user })),
    { progress: report('registrations') },
  );

  // Check-ins need the passes the server created.
  const passes = await pb.collection('passes').getFullList({ batch: 1000, requestKey: null });
  const eventPassOf = new Map(passes.filter((p) => p.kind === 'event').map((p) => [p.registration, p]));
  const memberPassOf = new Map(passes.filter((p) => p.kind === 'member').map((p) => [p.holder, p]));
  const checkins = [];
  for (const r of venue.registrations.filter((x) => x.attended)) {
    const pass = eventPassOf.get(r.id);
    if (!pass) continue; // waitlisted: never got in
    const at = new Date(r.startsAt.getTime() - (5 + Math.floor((r.id.charCodeAt(0) * 7) % 25)) * 60000);
    checkins.push({ id: idFor(`event:${r.id}`), pass: pass.id, holder: r.user, event: r.event, at, direction: 'in' });
  }
  for (const v of venue.visits) {
    const pass = memberPassOf.get(v.user);
    if (pass)
      checkins.push({
        id: idFor(`visit:${v.user}:${v.at.toISOString()}:${v.direction}`),
        pass: pass.id,
        holder: v.user,
        event: '',
        at: v.at,
        direction: v.direction,
      });
  }
  await createMissing(
    pb,
    'checkins',
    checkins.map((c) => ({
      id: c.id,
      pass: c.pass,
      holder: c.holder,
      event: c.event,
      direction: c.direction,
      source: 'door',
      verdict: 'admitted',
      scanned_at: toStored(c.at),
      device: 'door-tablet',
      conflict: false,
    })),
    { size: 200, progress: report('check-ins') },
  );
  log('Demo venue ready.');
  return true;
}
