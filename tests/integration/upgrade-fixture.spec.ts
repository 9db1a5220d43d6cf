// Upgrades keep data: each committed data folder in tests/fixtures/upgrade (a small venue made
// with the schema of its name, by scripts/make-upgrade-fixture.mjs) is started by this code,
// migrations run forward, and every record it held is still there, field by field — except
// what a later migration is declared below to change.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportRecords } from '../../scripts/lib/export-records.mjs';
import { migrationsDir, root } from '../../scripts/lib/paths.mjs';
import { freePort, startPocketBase } from '../../scripts/lib/pocketbase.mjs';
import { OPERATOR } from '../helpers/server';

/**
 * What each migration after a fixture does to records already stored: its collections and the
 * fields it changes (`{}` when it changes no stored record). A new migration must be named here.
 */
const TOUCHES: Record<string, Record<string, string[]>> = {
  // adds the hidden `visitor` field: stored check-ins keep every value they had
  '1764900010_checkins_visitor.js': {},
  // adds users.mail_notices, events.message/message_at and the notices collections: stored
  // records keep every value they had (the new fields start empty)
  '1765000000_notices.js': {},
  // adds companies.offers/seeks/listed, users.listed/headline, venue.sought_trades/fixed_places_free,
  // the applications collection and a bookings index: stored records keep every value they had
  '1765100000_community.js': {},
  // notices.user becomes optional, adds notices.email/application (mails to applicants) and
  // tightens the notices' read rules: stored records keep every value they had
  '1765100030_application_notices.js': {},
  // unhides passes.qr (no stored value changes); the server then stores the modules of valid
  // passes made before passes.qr existed (pb_hooks/passes.pb.js, once per process)
  '1765100100_fast_routes.js': { passes: ['qr'] },
  // adds the here_signals collection with its one record: stored records keep every value they had
  '1765200000_here_signal.js': {},
};

const fixtureDir = path.join(root, 'tests', 'fixtures', 'upgrade');
const fixtures = fs
  .readdirSync(fixtureDir)
  .filter((name) => name.endsWith('.zip'))
  .sort();
const migrations = fs
  .readdirSync(migrationsDir)
  .filter((name) => name.endsWith('.js'))
  .sort();

it("there is a data folder of today's schema or older to upgrade from", () => {
  expect(fixtures.length).toBeGreaterThan(0);
  expect(fixtures.map((name) => `${name.replace(/\.zip$/, '')}.js`).every((file) => migrations.includes(file))).toBe(true);
});

describe.each(fixtures)('the data folder %s, started by this code', (zip) => {
  const schema = `${zip.replace(/\.zip$/, '')}.js`;
  const since = migrations.filter((file) => file > schema);
  const before: Record<string, Record<string, unknown>[]> = JSON.parse(
    fs.readFileSync(path.join(fixtureDir, zip.replace(/\.zip$/, '.records.json')), 'utf8'),
  );
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coffice-upgrade-fixture-'));
  let after: Record<string, Record<string, unknown>[]> = {};
  let stop: () => Promise<unknown> = async () => undefined;

  beforeAll(async () => {
    const unzip = spawnSync('unzip', ['-qq', path.join(fixtureDir, zip), '-d', dataDir], { encoding: 'utf8' });
    expect(unzip.status, unzip.stderr).toBe(0);
    const server = await startPocketBase({ dataDir, port: await freePort(), publicDir: dataDir });
    stop = () => server.stop();
    const pb = new PocketBase(server.url);
    pb.autoCancellation(false);
    await pb.collection('_superusers').authWithPassword(OPERATOR.email, OPERATOR.password);
    after = await exportRecords(pb, Object.keys(before));
  }, 60_000);
  afterAll(async () => {
    await stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it(`says what each later migration touches (${since.length ? since.join(', ') : 'none since'})`, () => {
    expect(since.filter((file) => !(file in TOUCHES))).toEqual([]);
  });

  it.each(Object.keys(before))('keeps every record of %s', (collection) => {
    const declared = new Set(since.flatMap((file) => TOUCHES[file]?.[collection] ?? []));
    const now = new Map((after[collection] ?? []).map((record) => [record.id, record]));
    const lost = before[collection].filter((record) => !now.has(record.id)).map((record) => record.id);
    expect(lost, `records of ${collection} gone`).toEqual([]);
    const changed = before[collection].flatMap((record) =>
      Object.entries(record)
        .filter(([field, value]) => !declared.has(field) && JSON.stringify(now.get(record.id)![field]) !== JSON.stringify(value))
        .map(([field, value]) => `${record.id}.${field}: ${JSON.stringify(value)} → ${JSON.stringify(now.get(record.id)![field])}`),
    );
    expect(changed, `fields of ${collection} changed by no declared migration`).toEqual([]);
  });
});
