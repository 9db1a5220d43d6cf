#!/usr/bin/env node
// Makes tests/fixtures/upgrade/<newest migration>.zip: a small venue's data folder made with
// today's schema — a record in every collection and every state that matters (PocketBase's own backup zip), and <same>.records.json: every record of every
// Coffice collection as the operator's API shows it. tests/integration/upgrade-fixture.spec.ts
// starts each committed folder with the current code and checks every record survived.
// Run it when a change adds migrations: `node scripts/make-upgrade-fixture.mjs`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PocketBase from 'pocketbase';
import { migrationsDir, root } from './lib/paths.mjs';
import { freePort, startPocketBase, upsertSuperuser } from './lib/pocketbase.mjs';
import { appCollections, exportRecords } from './lib/export-records.mjs';

const operator = { email: 'operator@coffice.test', password: 'operator-password-1' };
const schema = fs
  .readdirSync(migrationsDir)
  .filter((f) => f.endsWith('.js'))
  .sort()
  .at(-1)
  ?.replace(/\.js$/, '');
const outDir = path.join(root, 'tests', 'fixtures', 'upgrade');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coffice-fixture-'));
upsertSuperuser(dataDir, operator.email, operator.password);
const server = await startPocketBase({ dataDir, port: await freePort(), publicDir: dataDir });
try {
  const pb = new PocketBase(server.url);
  pb.autoCancellation(false);
  await pb.collection('_superusers').authWithPassword(operator.email, operator.password);
  await arrangeSmallVenue(pb);
  const records = await exportRecords(pb, await appCollections(pb));
  await pb.backups.create(`${schema}.zip`);
  fs.mkdirSync(outDir, { recursive: true });
  const zip = path.join(outDir, `${schema}.zip`);
  fs.copyFileSync(path.join(dataDir, 'backups', `${schema}.zip`), zip);
  // PocketBase's generated type file and this folder's tool key are not data: smaller without them
  const trimmed = spawnSync('zip', ['-q', '-d', zip, 'types.d.ts', 'coffice-local.key'], { encoding: 'utf8' });
  if (trimmed.status !== 0) throw new Error(`zip -d failed (apt-get install zip): ${trimmed.stderr || trimmed.error}`);
  fs.writeFileSync(path.join(outDir, `${schema}.records.json`), JSON.stringify(records, null, 1) + '\n');
  const count = Object.values(records).reduce((n, list) => n + list.length, 0);
  console.log(`tests/fixtures/upgrade/${schema}.zip: ${count} records in ${Object.keys(records).length} collections`);
} finally {
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

/** @param {import('pocketbase').default} pb */
async function arrangeSmallVenue(pb) {
  const at = (/** @type {number} */ days, /** @type {number} */ hour) =>
    new Date(Date.UTC(2026, 10, 30 + days, hour - 1)).toISOString().replace('T', ' '); // Stockholm = UTC+1 in winter
  const password = 'fixture-password-1';
  const company = await pb.collection('companies').create({ name: 'Kvarnbyn Konsult AB', seat: 'fixed' });
  await pb.collection('companies').create({ name: 'Flexa Design', seat: 'flex' });
  const area = await pb.collection('spaces').create({ name: 'Eventytan', kind: 'event_area', capacity: 60 });
  const room = await pb.collection('spaces').create({ name: 'Torget', kind: 'meeting_room', capacity: 10, bookable: true });
  await pb.collection('spaces').create({ name: 'Öppna ytan', kind: 'open_area', capacity: 20 });
  /** @type {Record<string, any>} */
  const people = {};
  for (const [key, role, name] of [
    ['host', 'host', 'Hanna Värd'],
    ['member', 'member', 'Mats Medlem'],
    ['member2', 'member', 'Maja Medlem'],
    ['guest', 'guest', 'Greta Gäst'],
    ['guest2', 'guest', 'Gustav Gäst'],
    ['guest3', 'guest', 'Gun Gäst'],
  ]) {
    people[key] = await pb.collection('users').create({
      email: `${key}@fixture.coffice.test`,
      name,
      role,
      password,
      passwordConfirm: password,
      ...(role === 'member' ? { company: company.id } : {}),
    });
  }
  const event = (/** @type {Record<string, unknown>} */ fields) =>
    pb.collection('events').create({ kind: 'breakfast', space: area.id, capacity: 2, status: 'published', summary: 'Kaffe.', ...fields });
  const past = await event({ title: 'Frukost i går', starts: at(-1, 8), ends: at(-1, 9) });
  const soon = await event({ title: 'Frukost i morgon', starts: at(1, 8), ends: at(1, 9) });
  await event({ title: 'Utkast', starts: at(7, 18), ends: at(7, 20), status: 'draft', kind: 'talk', speaker: 'Karin' });
  const cancelled = await event({ title: 'Inställt', starts: at(3, 12), ends: at(3, 13) });
  for (const key of ['guest', 'guest2', 'guest3']) await pb.collection('registrations').create({ event: soon.id, user: people[key].id });
  const gone = await pb.collection('registrations').create({ event: cancelled.id, user: people.guest.id });
  await pb.collection('events').update(cancelled.id, { status: 'cancelled' });
  const withdrawn = await pb.collection('registrations').getFirstListItem(`event = "${soon.id}" && user = "${people.guest2.id}"`);
  await pb.collection('registrations').update(withdrawn.id, { status: 'cancelled' });
  void gone;
  await pb.collection('door_settings').create({ closing_time: '17:00' });
  await pb.collection('door_devices').create({ device: 'fixture-door', name: 'Entrén' });
  await pb.collection('bookings').create({ space: room.id, user: people.member.id, starts: at(2, 10), ends: at(2, 11), title: 'Kundmöte' });
  // check-ins at the front door and at yesterday's breakfast, uploaded as a door does
  const door = await pb.collection('users').impersonate(people.host.id, 600);
  const memberPass = await pb.collection('passes').getFirstListItem(`holder = "${people.member.id}" && kind = "member"`);
  const pastGuest = await pb.collection('registrations').create({ event: past.id, user: people.guest3.id });
  const eventPass = await pb.collection('passes').getFirstListItem(`registration = "${pastGuest.id}"`);
  const scan = (
    /** @type {string} */ id,
    /** @type {string} */ code,
    /** @type {string} */ event,
    /** @type {string} */ direction,
    /** @type {string} */ when,
  ) => ({
    id,
    code,
    event,
    direction,
    scanned_at: when.replace(' ', 'T'),
    device: 'fixture-door',
    verdict: 'admitted',
  });
  await door.send('/api/coffice/sync', {
    method: 'POST',
    body: {
      scans: [
        scan('fixturescan0001', memberPass.code, '', 'in', at(-1, 8)),
        scan('fixturescan0002', eventPass.code, past.id, 'in', at(-1, 8)),
        scan('fixturescan0003', memberPass.code, '', 'out', at(-1, 16)),
      ],
    },
  });
}
