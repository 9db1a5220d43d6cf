// Reissuing a pass: only its holder, only while valid; the old code is gone at once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startPocketBase, upsertSuperuser } from '../../scripts/lib/pocketbase.mjs';
import { migrationsDir } from '../../scripts/lib/paths.mjs';
import { createEvent, OPERATOR, PASSWORD, startTestServer, type TestServer } from '../helpers/server';
import type { HeldPass, PassRecord } from '../../src/lib/pocketbase/types';
import { passQrModules } from '../../src/lib/passes/qr-modules';
import { matrixFromModules } from '../../src/lib/passes/code';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const reissue = (pb: TestServer['admin'], id: string) =>
  pb.send<HeldPass>(`/api/coffice/passes/${id}/reissue`, { method: 'POST' }).then(
    (pass) => ({ status: 200, pass, message: '' }),
    (error) => ({ status: error.status as number, pass: null, message: error.message as string }),
  );

describe('reissuing a pass', () => {
  it('gives the holder a new code and the old one stops existing', async () => {
    const { pb, user } = await server.person('member');
    const [pass] = await pb.collection('passes').getFullList<PassRecord>();
    const answer = await reissue(pb, pass.id);
    expect(answer.status).toBe(200);
    expect(answer.pass!.code).toMatch(/^CF1:[A-Z2-7]{26}$/);
    expect(answer.pass!.code).not.toBe(pass.code);
    expect(await server.admin.collection('passes').getFullList({ filter: `code = "${pass.code}"` })).toHaveLength(0);
    expect((await server.admin.collection('passes').getOne(pass.id)).holder).toBe(user.id);
  });

  it('is refused for someone else’s pass, a revoked pass, a bad id and without signing in', async () => {
    const holder = await server.person('guest');
    const other = await server.person('guest');
    const event = await createEvent(server.admin);
    const reg = await holder.pb.collection('registrations').create({ event: event.id, user: holder.user.id });
    const pass = await holder.pb.collection('passes').getFirstListItem<PassRecord>(`registration = "${reg.id}"`);

    expect(await reissue(other.pb, pass.id)).toMatchObject({ status: 404, message: 'No such pass.' });
    expect(await reissue(server.client(), pass.id)).toMatchObject({ status: 401 });
    expect(await reissue(holder.pb, 'not-an-id')).toMatchObject({ status: 400, message: 'That is not a pass id.' });

    await holder.pb.collection('registrations').update(reg.id, { status: 'cancelled' });
    expect(await reissue(holder.pb, pass.id)).toMatchObject({
      status: 400,
      message: 'This pass is no longer valid and cannot be reissued.',
    });
    expect((await server.admin.collection('passes').getOne(pass.id)).code).toBe(pass.code);
  });
});

describe('QR modules sent with a pass', () => {
  it('the holder gets the modules of exactly their code, in lists, single reads and reissue answers', async () => {
    const { pb } = await server.person('member');
    const [listed] = await pb.collection('passes').getFullList<HeldPass>();
    expect(listed.qr).toBe(passQrModules(listed.code));
    expect(matrixFromModules(listed.qr)).toMatchObject({ size: 25, version: 2 });
    const read = await pb.collection('passes').getOne<HeldPass>(listed.id);
    expect(read.qr).toBe(listed.qr);
    const fresh = await reissue(pb, listed.id);
    expect(fresh.pass!.qr).toBe(passQrModules(fresh.pass!.code));
    expect(fresh.pass!.qr).not.toBe(listed.qr);
  });

  it('hosts get the same modules as the holder (they follow from the code), nobody any for a revoked pass', async () => {
    const host = await server.person('host');
    const holder = await server.person('guest');
    const event = await createEvent(server.admin);
    const reg = await holder.pb.collection('registrations').create({ event: event.id, user: holder.user.id });
    const pass = await holder.pb.collection('passes').getFirstListItem<HeldPass>(`registration = "${reg.id}"`);
    expect(pass.qr).toBe(passQrModules(pass.code));
    const seen = await host.pb.collection('passes').getOne<HeldPass>(pass.id);
    expect(seen.qr).toBe(passQrModules(seen.code));
    await holder.pb.collection('registrations').update(reg.id, { status: 'cancelled' });
    const revoked = await holder.pb.collection('passes').getOne<HeldPass>(pass.id);
    expect(revoked.revoked).toBe(true);
    expect(revoked.qr).toBe('');
  });
});

describe('QR modules stored with a pass', () => {
  it('are drawn once per code: stored with the pass, redrawn on reissue, emptied on revocation', async () => {
    const holder = await server.person('guest');
    const event = await createEvent(server.admin);
    const reg = await holder.pb.collection('registrations').create({ event: event.id, user: holder.user.id });
    const stored = () => server.admin.collection('passes').getFirstListItem<HeldPass>(`registration = "${reg.id}"`);
    const made = await stored();
    expect(made.qr).toBe(passQrModules(made.code));
    const fresh = await reissue(holder.pb, made.id);
    expect((await stored()).qr).toBe(passQrModules(fresh.pass!.code));
    await holder.pb.collection('registrations').update(reg.id, { status: 'cancelled' });
    expect(await stored()).toMatchObject({ revoked: true, qr: '' });
    await holder.pb.collection('registrations').create({ event: event.id, user: holder.user.id }); // registering again revives it
    const revived = await stored();
    expect(revived.revoked).toBe(false);
    expect(revived.qr).toBe(passQrModules(revived.code));
  });

  it('passes made before the field existed get their modules once the upgraded server runs, their `updated` untouched', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coffice-qr-migration-'));
    const before = fs.mkdtempSync(path.join(os.tmpdir(), 'coffice-qr-migrations-'));
    for (const file of fs.readdirSync(migrationsDir).filter((f) => f < '1764800000')) {
      fs.copyFileSync(path.join(migrationsDir, file), path.join(before, file));
    }
    upsertSuperuser(dataDir, OPERATOR.email, OPERATOR.password, { migrationsDir: before });
    const old = await startPocketBase({ dataDir, port: await freePort(), publicDir: dataDir, migrationsDir: before });
    const pb = new PocketBase(old.url);
    await pb.collection('_superusers').authWithPassword(OPERATOR.email, OPERATOR.password);
    const email = `qr-migration-${Date.now()}@coffice.test`;
    const member = await pb
      .collection('users')
      .create({ email, password: PASSWORD, passwordConfirm: PASSWORD, name: 'Gammal', role: 'member' });
    const [earlier] = await pb.collection('passes').getFullList<HeldPass>({ filter: `holder = "${member.id}"` });
    expect(earlier.qr).toBeUndefined();
    await old.stop();

    const upgraded = await startTestServer({ dataDir });
    try {
      // until the server's first minute tick the holder gets none (the app then draws them itself)
      const holder = upgraded.client();
      await holder.collection('users').authWithPassword(email, PASSWORD);
      let held = (await holder.collection('passes').getFullList<HeldPass>())[0];
      expect(['', passQrModules(earlier.code)]).toContain(held.qr);
      while (!held.qr) {
        await new Promise((resolve) => setTimeout(resolve, 250)); // polling, not timing: the tick comes within a minute
        held = (await holder.collection('passes').getFullList<HeldPass>())[0];
      }
      expect(held.qr).toBe(passQrModules(earlier.code));
      const after = await upgraded.admin.collection('passes').getOne<HeldPass>(earlier.id);
      expect(after.qr).toBe(passQrModules(earlier.code)); // stored: drawn once
      expect(after.updated).toBe(earlier.updated);
    } finally {
      await upgraded.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(before, { recursive: true, force: true });
    }
  });
});

describe('reissuing at the door', () => {
  it('the scan route refuses the old code and admits the new one', async () => {
    const host = await server.person('host');
    const holder = await server.person('guest');
    const event = await createEvent(server.admin, { starts: new Date(Date.now() - 10 * 60_000).toISOString() });
    const reg = await holder.pb.collection('registrations').create({ event: event.id, user: holder.user.id });
    const pass = await holder.pb.collection('passes').getFirstListItem<PassRecord>(`registration = "${reg.id}"`);
    const fresh = await reissue(holder.pb, pass.id);
    const scan = (code: string) =>
      host.pb.send<{ verdict: string }>('/api/coffice/scan', { method: 'POST', body: { code, event: event.id } });
    expect((await scan(pass.code)).verdict).toBe('unknown');
    expect((await scan(fresh.pass!.code)).verdict).toBe('admitted');
  });
});
