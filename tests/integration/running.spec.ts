// Running it for real: /api/health for the operator, daily backups kept two weeks, and the
// HTTPS serve command's plain port redirecting to HTTPS.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startPocketBase } from '../../scripts/lib/pocketbase.mjs';
import { servePlan } from '../../scripts/lib/serve-plan.mjs';
import { startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const newestMigration = () =>
  fs
    .readdirSync('pb_migrations')
    .filter((f) => f.endsWith('.js'))
    .sort()
    .at(-1);

describe('/api/health', () => {
  it('tells anyone that it is healthy, the schema version and that no backup was made yet; never the data folder', async () => {
    const answer = await (await fetch(`${server.url}/api/health`)).json();
    expect(answer).toEqual({
      code: 200,
      message: 'API is healthy.',
      data: { schema: newestMigration(), lastBackup: null, canBackup: true, startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
    });
  });

  it('tells the operator the data folder and the last backup (name, time, size)', async () => {
    const before = Date.now();
    await server.admin.backups.create('coffice-test.zip');
    const answer = await server.admin.send('/api/health', {});
    expect(answer.data.dataDir).toBe(server.dataDir);
    expect(answer.data.lastBackup.name).toBe('coffice-test.zip');
    expect(answer.data.lastBackup.bytes).toBeGreaterThan(1000);
    expect(Date.parse(answer.data.lastBackup.at)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    const guest = await (await fetch(`${server.url}/api/health`)).json();
    expect(guest.data.dataDir).toBeUndefined();
    expect(guest.data.lastBackup.name).toBe('coffice-test.zip');
  });
});

describe('the request log', () => {
  it('keeps no secret, pass code or e-mail address of an address asked for', async () => {
    const secrets = [
      'eyJhbGciOiJIUzI1NiJ9.eyJpZCI6IjEyMyJ9.c2lnbmF0dXJlc2lnbmF0dXJl',
      'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
      'anna@example.se',
      'anna%40example.se',
    ];
    const probe = `probe${Date.now()}`;
    for (const address of [
      `/me/reset?token=${secrets[0]}&${probe}`,
      `/checkin/${secrets[1]}?${probe}`,
      `/api/coffice/calendar/abcdefghij12345/${secrets[0]}.ics?${probe}`,
      `/api/collections/users/records?filter=email%3D%22${secrets[3]}%22&${probe}`,
      `/?email=${secrets[2]}&code=CF1:${secrets[1]}&${probe}`,
    ]) {
      await fetch(`${server.url}${address}`);
    }
    // PocketBase writes its log in batches: wait for these five
    const logged = async () => (await server.admin.logs.getList(1, 50, { filter: `data.url ~ "${probe}"` })).items;
    await expect.poll(async () => (await logged()).length, { timeout: 20_000 }).toBe(5);
    const urls = (await logged()).map((log) => String(log.data.url));
    for (const secret of secrets) expect(urls.filter((url) => url.includes(secret))).toEqual([]);
    expect(urls).toContain(`/me/reset?token=[secret]&${probe}`);
  });
});

describe('scheduled backups', () => {
  it('are on by default: daily at 03:00, keeping 14', async () => {
    const settings = await server.admin.settings.getAll();
    expect(settings.backups).toMatchObject({ cron: '0 3 * * *', cronMaxKeep: 14 });
  });
});

describe('HTTPS on a domain', () => {
  it("serves with PocketBase's automatic certificates; the plain port redirects to HTTPS", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coffice-https-'));
    const plan = servePlan({ COFFICE_DOMAIN: 'coffice.example.se', COFFICE_SMTP_HOST: 'smtp.example.se' });
    // the same command on free ports instead of 80 and 443 (which need root)
    const [http, https] = [await freePort(), await freePort()];
    const serveArgs = plan.serveArgs.map((arg) =>
      arg.replace(':80', `:${http}`).replace(':443', `:${https}`).replace('0.0.0.0', '127.0.0.1'),
    );
    const running = await startPocketBase({
      dataDir,
      serve: { serveArgs, localUrl: plan.localUrl },
      appUrl: plan.appUrl,
      publicDir: dataDir,
    });
    try {
      expect(running.log()).toContain('Server started at https://coffice.example.se');
      const answer = await fetch(`http://127.0.0.1:${http}/api/health`, { redirect: 'manual' });
      expect(answer.status).toBe(302);
      expect(answer.headers.get('location')).toMatch(/^https:\/\//);
    } finally {
      await running.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
