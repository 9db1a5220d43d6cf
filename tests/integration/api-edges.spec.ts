// The edges of the API an attacker reaches first (issue #11): the batch API, dev mode, CORS
// and unknown API paths.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort, startPocketBase } from '../../scripts/lib/pocketbase.mjs';
import { pocketbaseBinary } from '../../scripts/lib/paths.mjs';
import { createEvent, startTestServer, type TestServer } from '../helpers/server';

const INDEX = '<!doctype html><html><head><title>Coffice</title></head><body>shell</body></html>';
let server: TestServer;
let publicDir = '';

beforeAll(async () => {
  publicDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coffice-public-'));
  fs.writeFileSync(path.join(publicDir, 'index.html'), INDEX);
  server = await startTestServer({ publicDir });
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(publicDir, { recursive: true, force: true });
});

/** A batch of `count` updates of one's own profile, sent with the caller's token. */
async function batchOfUpdates(token: string, userId: string, count: number) {
  const requests = Array.from({ length: count }, (_, i) => ({
    method: 'PATCH',
    url: `/api/collections/users/records/${userId}`,
    body: { name: `Name ${i}` },
  }));
  return fetch(`${server.url}/api/batch`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: token },
    body: JSON.stringify({ requests }),
  });
}

describe('the batch API', () => {
  it.each(['guest', 'member', 'host'] as const)('is refused to a %s with a 403 that says why', async (role) => {
    const { pb, user } = await server.person(role);
    const res = await batchOfUpdates(pb.authStore.token, user.id, 200);
    expect(res.status).toBe(403);
    expect((await res.json()).message).toMatch(/operators only/);
    // nothing of it happened
    expect((await server.admin.collection('users').getOne(user.id)).name).toBe(user.name);
  });

  it('is refused without a session, even at a path with a trailing slash', async () => {
    const one = { requests: [{ method: 'POST', url: '/api/collections/spaces/records', body: { name: 'Smygrummet' } }] };
    for (const url of ['/api/batch', '/api/batch/']) {
      const res = await fetch(`${server.url}${url}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(one),
      });
      expect([403, 404]).toContain(res.status);
      expect(res.headers.get('content-type')).toMatch(/json/);
    }
  });

  it('still works for operators (the demo seed and tests use it)', async () => {
    const batch = server.admin.createBatch();
    batch.collection('spaces').create({ name: 'Batchrummet', kind: 'meeting_room', capacity: 4, bookable: true });
    const [result] = await batch.send();
    expect(result.status).toBe(200);
  });
});

describe('the request log', () => {
  it('keeps the route, never an address, a pass code or a secret (the front door rewrites it once answered)', async () => {
    const secret = 'q'.repeat(32);
    const paths = [
      `/api/coffice/calendar/${secret}.ics`,
      `/api/collections/users/records?filter=${encodeURIComponent("email='ada@example.se'")}`,
      `/api/coffice/nothing/CF1:${'A'.repeat(26)}`,
    ];
    for (const p of paths) await fetch(`${server.url}${p}`);
    // PocketBase writes its log in batches a few seconds apart: wait for all three
    let urls: string[] = [];
    await vi.waitFor(
      async () => {
        const logs = await server.admin.logs.getList(1, 200, { filter: "data.type = 'request'" });
        urls = logs.items.map((log) => String(log.data.url));
        urls = urls.filter((url) => /calendar\/|filter=|\/nothing\//.test(url));
        expect(urls).toHaveLength(3);
      },
      { timeout: 20_000, interval: 500 },
    );
    const logged = decodeURIComponent(urls.join('\n'));
    expect(logged).not.toContain(secret);
    expect(logged).not.toContain('ada');
    expect(logged).not.toMatch(/CF1(:|%3A)A/i);
    expect(logged).toContain('/api/coffice/calendar/[secret]');
    expect(logged).toContain('[email]');
    expect(logged).toContain('[pass code]');
  });
});

describe('unknown API paths', () => {
  it.each([
    ['GET', '/api/coffice/anything'],
    ['GET', '/api/coffice/door-list/extra'],
    ['GET', '/api/nothing-here'],
    ['GET', '/api'],
    ['POST', '/api/coffice/anything'],
    ['DELETE', '/api/coffice/anything'],
  ])('%s %s answers a JSON 404, not the app', async (method, p) => {
    const res = await fetch(`${server.url}${p}`, { method });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toMatchObject({ status: 404 });
  });

  it('screens still fall back to the app, and known routes still answer', async () => {
    const screen = await fetch(`${server.url}/events/abc123`);
    expect(screen.status).toBe(200);
    expect(await screen.text()).toBe(INDEX);
    await createEvent(server.admin);
    const list = await fetch(`${server.url}/api/collections/events/records`);
    expect(list.status).toBe(200);
    expect((await list.json()).totalItems).toBeGreaterThan(0);
  });
});

describe('CORS', () => {
  it('without COFFICE_APP_URL any origin may call (PocketBase default, for local use)', async () => {
    const res = await fetch(`${server.url}/api/collections/events/records`, { headers: { Origin: 'https://elsewhere.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it("with COFFICE_APP_URL only the app's own origin is allowed", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coffice-cors-'));
    const pb = await startPocketBase({ dataDir, port: await freePort(), publicDir, appUrl: 'https://coffice.example.se/' });
    try {
      const from = (origin: string) =>
        fetch(`${pb.url}/api/collections/events/records`, { headers: { Origin: origin } }).then((r) =>
          r.headers.get('access-control-allow-origin'),
        );
      expect(await from('https://coffice.example.se')).toBe('https://coffice.example.se');
      expect(await from('https://evil.example')).toBeNull();
      const preflight = await fetch(`${pb.url}/api/collections/users/auth-with-password`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await pb.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('a COFFICE_APP_URL that is not an address stops the start with a clear message', async () => {
    await expect(startPocketBase({ dataDir: os.tmpdir(), port: await freePort(), appUrl: 'coffice' })).rejects.toThrow(
      /COFFICE_APP_URL must be/,
    );
  });
});

describe('dev mode', () => {
  it('stays off for a binary under the temp folder (no SQL, codes or hashes in the log)', async () => {
    // PocketBase takes a binary under the temp folder for `go run` and turns dev mode on
    const binDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coffice-bin-'));
    const binary = path.join(binDir, 'pocketbase');
    fs.copyFileSync(pocketbaseBinary, binary);
    fs.chmodSync(binary, 0o755);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coffice-dev-'));
    // the binary is chosen when the module loads (COFFICE_POCKETBASE), as for every script
    vi.resetModules();
    vi.stubEnv('COFFICE_POCKETBASE', binary);
    const fresh = await import('../../scripts/lib/pocketbase.mjs');
    vi.unstubAllEnvs();
    const pb = await fresh.startPocketBase({ dataDir, port: await freePort(), publicDir });
    try {
      const res = await fetch(`${pb.url}/api/collections/events/records?filter=${encodeURIComponent("title='secret-title'")}`);
      expect(res.status).toBe(200);
      expect(pb.log()).toContain('Server started at');
      expect(pb.log()).not.toMatch(/SELECT|INSERT|CREATE TABLE/);
      expect(pb.log()).not.toContain('secret-title');
    } finally {
      await pb.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(binDir, { recursive: true, force: true });
    }
  });
});
