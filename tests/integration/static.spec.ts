// PocketBase serves the built app on the API's origin: compressed, hashed assets cached
// for a year, the shell and the service worker always revalidated, unknown screens
// answered with the shell.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
let publicDir = '';
const INDEX = `<!doctype html><html><head><title>Coffice</title></head><body>${'<p>shell</p>'.repeat(100)}</body></html>`;
const SCRIPT = `export const data = ${JSON.stringify('x'.repeat(5000))};`;

beforeAll(async () => {
  publicDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coffice-public-'));
  fs.mkdirSync(path.join(publicDir, '_app/immutable/entry'), { recursive: true });
  fs.writeFileSync(path.join(publicDir, 'index.html'), INDEX);
  fs.writeFileSync(path.join(publicDir, '_app/immutable/entry/app.Ab12Cd.js'), SCRIPT);
  fs.writeFileSync(path.join(publicDir, 'service-worker.js'), '/* sw */');
  fs.writeFileSync(path.join(publicDir, 'manifest.webmanifest'), '{"name":"Coffice"}');
  server = await startTestServer({ publicDir });
});

afterAll(async () => {
  await server?.stop();
  fs.rmSync(publicDir, { recursive: true, force: true });
});

const get = (p: string) => fetch(`${server.url}${p}`, { headers: { 'Accept-Encoding': 'gzip' } });

describe('the app shell', () => {
  it.each(['/', '/events/abc123', '/passes', '/door', '/host/people'])('%s is the shell, revalidated every time', async (p) => {
    const res = await get(p);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toBe(INDEX);
  });

  it('hashed assets are compressed and cached for a year', async () => {
    const res = await get('/_app/immutable/entry/app.Ab12Cd.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(await res.text()).toBe(SCRIPT);
  });

  it('the service worker and manifest are never cached', async () => {
    const sw = await get('/service-worker.js');
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    const manifest = await get('/manifest.webmanifest');
    expect(manifest.headers.get('cache-control')).toBe('no-cache');
    expect(manifest.headers.get('content-type')).toBe('application/manifest+json');
  });

  it('a missing hashed asset is a 404, not the shell', async () => {
    const res = await get('/_app/immutable/entry/gone.js');
    expect(res.status).toBe(404);
  });

  it('sends security headers with the shell', async () => {
    const res = await get('/');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('never serves files outside the public folder', async () => {
    const res = await get('/..%2f..%2fetc%2fpasswd');
    expect(await res.text()).not.toContain('root:');
  });

  it('leaves the API alone', async () => {
    const res = await get('/api/health');
    expect(res.headers.get('content-type')).toMatch(/json/);
    expect((await res.json()).code).toBe(200);
  });
});

describe('API answers', () => {
  it('are compressed, and a compressed realtime stream still delivers each message at once', async () => {
    for (let i = 0; i < 30; i++)
      await server.admin.collection('spaces').create({ name: `Rum nummer ${i}`, kind: 'meeting_room', capacity: 4 });
    const list = await get('/api/collections/spaces/records?perPage=100');
    expect(list.headers.get('content-encoding')).toBe('gzip');
    expect((await list.json()).items).toHaveLength(30);
    const controller = new AbortController();
    const stream = await fetch(`${server.url}/api/realtime`, { headers: { 'Accept-Encoding': 'gzip' }, signal: controller.signal });
    expect(stream.headers.get('content-type')).toMatch(/event-stream/);
    expect(stream.headers.get('content-encoding')).toBe('gzip');
    // the stream stays open: its first message (PB_CONNECT) arrives only if the compressor is
    // flushed with each message, not when the stream ends
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!text.includes('PB_CONNECT')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
    }
    expect(text).toMatch(/event:\s*PB_CONNECT/);
    controller.abort();
  });
});
