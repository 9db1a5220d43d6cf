// Web push from PocketBase (issue #14): a local HTTP server stands in for a browser's push
// service (the real ones — FCM, Mozilla, Apple — are not reachable from here). The test is the
// browser: it makes the subscription's keys, checks the VAPID token with the key the server
// publishes, and decrypts the message (RFC 8291) with its own private key and auth secret.
// The notice worker calls sendPushNotice once a minute; a test-only route in a copy of the hooks
// (never in the app's pb_hooks) calls it for one notice, as the worker does.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hooksDir as appHooksDir } from '../../scripts/lib/paths.mjs';
import { createEvent, startTestServer, type TestServer } from '../helpers/server';

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

let server: TestServer;
let hooks: string;
let pushService: http.Server;
let pushOrigin = '';
const received: Received[] = [];
/** what the push service answers next: a status, 'hang-up' to drop the connection, 'hang' to never answer */
let answer: number | 'hang-up' | 'hang' = 201;

beforeAll(async () => {
  pushService = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      if (answer === 'hang-up') return req.socket.destroy();
      if (answer === 'hang') return; // the server's timeout ends it
      res.writeHead(answer, { 'Content-Type': 'text/plain' }).end(answer >= 400 ? '<html>garbage</html>' : '');
    });
  });
  await new Promise<void>((resolve) => pushService.listen(0, '127.0.0.1', resolve));
  pushOrigin = `http://127.0.0.1:${(pushService.address() as { port: number }).port}`;

  hooks = fs.mkdtempSync(path.join(os.tmpdir(), 'coffice-push-hooks-'));
  fs.cpSync(appHooksDir, hooks, { recursive: true });
  fs.writeFileSync(
    path.join(hooks, 'push-test.pb.js'),
    `onBootstrap((e) => { e.next(); e.app.store().set("coffice:push-allow-http", true); e.app.store().set("coffice:push-timeout", 1); });
    routerAdd("POST", "/api/test/push-http/{allow}", (e) => {
      $app.store().set("coffice:push-allow-http", e.request.pathValue("allow") === "yes");
      return e.noContent(204);
    }, $apis.requireSuperuserAuth());
    routerAdd("POST", "/api/test/push/{id}", (e) => {
      const notice = $app.findRecordById("notices", e.request.pathValue("id"));
      return e.json(200, require(\`\${__hooks}/lib/push.js\`).sendPushNotice($app, notice));
    }, $apis.requireSuperuserAuth());`,
  );
  server = await startTestServer({ hooksDir: hooks });
}, 60_000);

afterAll(async () => {
  await server?.stop();
  pushService?.close();
  if (hooks) fs.rmSync(hooks, { recursive: true, force: true });
});

/** A browser's side of a subscription: its ECDH key pair and auth secret. */
function browserKeys() {
  const ecdh = crypto.createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = crypto.randomBytes(16);
  return { ecdh, p256dh: ecdh.getPublicKey().toString('base64url'), auth };
}

/** RFC 8291 decryption, as a browser does it. */
function decrypt(body: Buffer, keys: ReturnType<typeof browserKeys>): string {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20];
  const serverPublic = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  expect(recordSize).toBe(4096);
  expect(idLength).toBe(65);
  const shared = keys.ecdh.computeSecret(serverPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), keys.ecdh.getPublicKey(), serverPublic]);
  const ikm = Buffer.from(crypto.hkdfSync('sha256', shared, keys.auth, keyInfo, 32));
  const cek = Buffer.from(crypto.hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(crypto.hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = crypto.createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  // the last record ends with the delimiter 0x02, then zero padding
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  expect(padded[end]).toBe(2);
  return padded.subarray(0, end).toString('utf8');
}

/** Checks `vapid t=<jwt>, k=<key>` against the published key and returns the JWT's claims. */
function verifyVapid(authorization: string, publicKey: string) {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(authorization);
  expect(match, authorization).not.toBeNull();
  const [, token, k] = match as RegExpExecArray;
  expect(k).toBe(publicKey);
  const [header, claims, signature] = token.split('.');
  expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toMatchObject({ alg: 'ES256' });
  const point = Buffer.from(publicKey, 'base64url');
  const key = crypto.createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') },
    format: 'jwk',
  });
  const valid = crypto.verify(
    'sha256',
    Buffer.from(`${header}.${claims}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  expect(valid).toBe(true);
  return JSON.parse(Buffer.from(claims, 'base64url').toString()) as { aud: string; exp: number; sub: string };
}

async function publicKey(): Promise<string> {
  const res = await fetch(`${server.url}/api/coffice/push-key`);
  expect(res.status).toBe(200);
  return (await res.json()).publicKey;
}

let noticeCount = 0;
async function pushNotice(user: string, kind: string, event: string, data: Record<string, unknown> = {}) {
  const notice = await server.admin.collection('notices').create({
    user,
    kind,
    event,
    channel: 'push',
    status: 'pending',
    key: `${kind}:test-${++noticeCount}:push`,
    data,
  });
  const res = await fetch(`${server.url}/api/test/push/${notice.id}`, {
    method: 'POST',
    headers: { Authorization: server.admin.authStore.token },
  });
  expect(res.status).toBe(200);
  return { notice, result: (await res.json()) as { ok: boolean; retry?: boolean; error?: string } };
}

async function subscribe(user: { pb: TestServer['admin']; user: { id: string } }, name: string) {
  const keys = browserKeys();
  const endpoint = `${pushOrigin}/push/${name}`;
  await user.pb.collection('push_subscriptions').create({
    user: user.user.id,
    endpoint,
    p256dh: keys.p256dh,
    auth: keys.auth.toString('base64url'),
    user_agent: 'test browser',
  });
  return { keys, endpoint };
}

const subscriptionsOf = (user: string) => server.admin.collection('push_subscriptions').getFullList({ filter: `user = "${user}"` });

describe('web push', () => {
  it('publishes one VAPID public key, made on first use and kept 0600 in the data folder', async () => {
    const file = path.join(server.dataDir, 'coffice-vapid.json');
    expect(fs.existsSync(file)).toBe(false);
    const [key, again] = await Promise.all([publicKey(), publicKey()]);
    expect(again).toBe(key);
    const point = Buffer.from(key, 'base64url');
    expect(point.length).toBe(65);
    expect(point[0]).toBe(4);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).publicKey).toBe(key);
    expect(await publicKey()).toBe(key);
  });

  it('sends an encrypted notice with a valid VAPID token, in the person’s language', async () => {
    const key = await publicKey();
    const person = await server.person('guest');
    await server.admin.collection('users').update(person.user.id, { locale: 'en' });
    const { keys, endpoint } = await subscribe(person, 'en-person');
    const event = await createEvent(server.admin, { title: 'Morning pitch — åäö' });
    const registration = await person.pb.collection('registrations').create({ event: event.id, user: person.user.id });
    const pass = await person.pb.collection('passes').getFirstListItem(`registration = "${registration.id}"`);
    const before = received.length;
    answer = 201;
    const { notice, result } = await pushNotice(person.user.id, 'promoted', event.id, { registration: registration.id });
    expect(result).toEqual({ ok: true });
    // the minute's notices worker may push this registration's own notice meanwhile: find the promoted one, sent once
    const sent = received
      .slice(before)
      .filter((r) => `${pushOrigin}${r.path}` === endpoint && JSON.parse(decrypt(r.body, keys)).tag === notice.key);
    expect(sent).toHaveLength(1);
    const request = sent[0];
    expect(request.headers['content-encoding']).toBe('aes128gcm');
    expect(Number(request.headers.ttl)).toBeGreaterThan(0);
    expect(request.headers.urgency).toBe('high');
    expect(Number(request.headers['content-length'])).toBe(request.body.length);
    const claims = verifyVapid(String(request.headers.authorization), key);
    expect(claims.aud).toBe(pushOrigin);
    const now = Date.now() / 1000;
    expect(claims.exp).toBeGreaterThan(now);
    expect(claims.exp).toBeLessThanOrEqual(now + 24 * 3600);
    expect(claims.sub).toMatch(/^(mailto:|https:)/);
    expect(JSON.parse(decrypt(request.body, keys))).toEqual({
      title: 'Morning pitch — åäö',
      body: 'You got a place from the waitlist. Your pass is in the app.',
      url: `/passes/${pass.id}`,
      tag: notice.key,
    });
  });

  it('writes Swedish to a Swedish person and sends to each of their devices', async () => {
    const person = await server.person('guest');
    const phone = await subscribe(person, 'sv-phone');
    const laptop = await subscribe(person, 'sv-laptop');
    const event = await createEvent(server.admin, { title: 'Frukostmöte' });
    const before = received.length;
    answer = 201;
    const { result } = await pushNotice(person.user.id, 'cancelled', event.id);
    expect(result.ok).toBe(true);
    // the minute's notices worker may push an earlier test's notices meanwhile: only this person's devices count
    const mine = [phone.endpoint, laptop.endpoint];
    const requests = received.slice(before).filter((r) => mine.includes(`${pushOrigin}${r.path}`));
    expect(requests.map((r) => `${pushOrigin}${r.path}`).sort()).toEqual([laptop.endpoint, phone.endpoint].sort());
    for (const [request, keys] of requests.map((r) => [r, r.path.endsWith('sv-phone') ? phone.keys : laptop.keys] as const)) {
      expect(JSON.parse(decrypt(request.body, keys))).toEqual({
        title: 'Frukostmöte',
        body: 'Evenemanget är inställt.',
        url: `/events/${event.id}`,
        tag: expect.stringMatching(/^cancelled:/),
      });
    }
  });

  it('carries a host’s message in its words', async () => {
    const person = await server.person('guest');
    await server.admin.collection('users').update(person.user.id, { locale: 'en' });
    const { keys } = await subscribe(person, 'message');
    const event = await createEvent(server.admin, { title: 'Lunch talk', message: 'We start in room B.' });
    const before = received.length;
    answer = 201;
    expect((await pushNotice(person.user.id, 'message', event.id)).result.ok).toBe(true);
    const request = received.slice(before).find((r) => r.path.endsWith('/message'));
    expect(JSON.parse(decrypt(request!.body, keys))).toMatchObject({
      title: 'Lunch talk',
      body: 'A message from the host: We start in room B.',
      url: `/events/${event.id}`,
    });
  });

  it('asks to try again when the push service fails, is busy, hangs up or never answers, and keeps the subscription', async () => {
    const person = await server.person('guest');
    await subscribe(person, 'busy');
    const event = await createEvent(server.admin);
    answer = 500;
    const failed = await pushNotice(person.user.id, 'changed', event.id);
    expect(failed.result).toMatchObject({ ok: false, retry: true });
    expect(failed.result.error).toContain('500');
    expect(failed.result.error).not.toContain('garbage'); // the push service's words are not the person's to read
    answer = 'hang-up';
    const dropped = await pushNotice(person.user.id, 'changed', event.id);
    expect(dropped.result).toMatchObject({ ok: false, retry: true });
    answer = 429;
    expect((await pushNotice(person.user.id, 'changed', event.id)).result).toMatchObject({ ok: false, retry: true });
    answer = 'hang';
    const started = Date.now();
    const hung = await pushNotice(person.user.id, 'changed', event.id);
    expect(hung.result).toMatchObject({ ok: false, retry: true });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await subscriptionsOf(person.user.id)).toHaveLength(1);
  });

  it('removes a subscription the push service says is gone (410, 404), and records a refusal', async () => {
    const person = await server.person('guest');
    await subscribe(person, 'gone');
    const event = await createEvent(server.admin);
    answer = 410;
    const gone = await pushNotice(person.user.id, 'reminder', event.id);
    expect(gone.result).toMatchObject({ ok: false, retry: false });
    expect(await subscriptionsOf(person.user.id)).toHaveLength(0);

    await subscribe(person, 'not-found');
    answer = 404;
    expect((await pushNotice(person.user.id, 'reminder', event.id)).result).toMatchObject({ ok: false, retry: false });
    expect(await subscriptionsOf(person.user.id)).toHaveLength(0);

    await subscribe(person, 'refusing');
    answer = 403;
    const refused = await pushNotice(person.user.id, 'reminder', event.id);
    expect(refused.result).toMatchObject({ ok: false, retry: false });
    expect(refused.result.error).toContain('403');
    expect(await subscriptionsOf(person.user.id)).toHaveLength(1);
  });

  it('sends only to https push services in the app (the test’s http stand-in is allowed by its own hooks)', async () => {
    const allowHttp = (allow: boolean) =>
      fetch(`${server.url}/api/test/push-http/${allow ? 'yes' : 'no'}`, {
        method: 'POST',
        headers: { Authorization: server.admin.authStore.token },
      });
    const person = await server.person('guest');
    await subscribe(person, 'plain-http');
    const event = await createEvent(server.admin);
    const before = received.length;
    answer = 201;
    expect((await allowHttp(false)).status).toBe(204);
    try {
      const { result } = await pushNotice(person.user.id, 'cancelled', event.id);
      expect(result).toMatchObject({ ok: false, retry: false });
      expect(result.error).toContain('https');
    } finally {
      await allowHttp(true);
    }
    expect(received.slice(before).filter((r) => r.path.endsWith('/plain-http'))).toEqual([]);
    expect(await subscriptionsOf(person.user.id)).toHaveLength(0);
  });

  it('lets nobody read another person’s subscriptions', async () => {
    const owner = await server.person('guest');
    await subscribe(owner, 'private');
    const other = await server.person('host');
    expect(await other.pb.collection('push_subscriptions').getFullList()).toHaveLength(0);
    await expect(
      other.pb.collection('push_subscriptions').create({
        user: owner.user.id,
        endpoint: `${pushOrigin}/push/forged`,
        p256dh: browserKeys().p256dh,
        auth: crypto.randomBytes(16).toString('base64url'),
      }),
    ).rejects.toMatchObject({ status: 400 });
  });
});
