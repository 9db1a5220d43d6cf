// A data folder from before issue #11's upload and data fixes, started with this code: the
// calendar feeds of accounts deleted back then stop working, and an operator's own mail
// sender is kept (a fresh server's sender is checked in schema.spec.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import PocketBase from 'pocketbase';
import { freePort, startPocketBase, upsertSuperuser } from '../../scripts/lib/pocketbase.mjs';
import { migrationsDir } from '../../scripts/lib/paths.mjs';
import { OPERATOR, PASSWORD } from '../helpers/server';

// the migrations of this change (1764700010–1764700019)
const OURS = /^176470001\d_/;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coffice-upgrade-'));
const olderMigrations = fs.mkdtempSync(path.join(os.tmpdir(), 'coffice-older-migrations-'));
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(olderMigrations, { recursive: true, force: true });
});

async function serve(migrations: string) {
  const server = await startPocketBase({ dataDir, port: await freePort(), publicDir: dataDir, migrationsDir: migrations });
  const admin = new PocketBase(server.url);
  admin.autoCancellation(false);
  await admin.collection('_superusers').authWithPassword(OPERATOR.email, OPERATOR.password);
  return { server, admin };
}

it('feeds of accounts deleted before the fix end, and the operator’s sender stays', async () => {
  for (const file of fs.readdirSync(migrationsDir).filter((name) => !OURS.test(name))) {
    fs.copyFileSync(path.join(migrationsDir, file), path.join(olderMigrations, file));
  }
  expect(fs.readdirSync(olderMigrations).length).toBeLessThan(fs.readdirSync(migrationsDir).length);
  upsertSuperuser(dataDir, OPERATOR.email, OPERATOR.password, { migrationsDir: olderMigrations });

  // before: an operator chose a sender; a person made a feed link, then left (the old way:
  // anonymised, the feed secret left in place)
  const before = await serve(olderMigrations);
  let feed: string;
  try {
    await before.admin.settings.update({ meta: { senderAddress: 'hej@kontoret.example', senderName: 'Kontoret' } });
    const email = `kvar-${Date.now()}@coffice.test`;
    const user = await before.admin.collection('users').create({ email, password: PASSWORD, passwordConfirm: PASSWORD, name: 'Kim Kvar' });
    const person = new PocketBase(before.server.url);
    await person.collection('users').authWithPassword(email, PASSWORD);
    feed = (await person.send<{ path: string }>('/api/coffice/calendar-feed', { method: 'GET' })).path;
    await before.admin.collection('users').update(user.id, { email: `deleted-${user.id}@deleted.invalid`, name: '' });
    expect((await fetch(before.server.url + feed)).status).toBe(200);
  } finally {
    await before.server.stop();
  }

  const after = await serve(migrationsDir);
  try {
    expect((await fetch(after.server.url + feed)).status).toBe(404);
    const settings = await after.admin.settings.getAll();
    expect(settings.meta).toMatchObject({ senderAddress: 'hej@kontoret.example', senderName: 'Kontoret' });
  } finally {
    await after.server.stop();
  }
});
