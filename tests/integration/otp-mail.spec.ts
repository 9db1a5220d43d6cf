// A code mail that cannot be sent is said, and leaves no account behind (issue #12: on a fresh
// start without SMTP the screen said "we mailed you a code" and a nameless account stayed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/pocketbase.mjs';
import { codeIn, sendMailTo, startMailSink, type MailSink } from '../helpers/mail-sink';
import { startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
let sink: MailSink;
beforeAll(async () => {
  server = await startTestServer();
  sink = await startMailSink();
});
afterAll(async () => {
  await server?.stop();
  await sink?.stop();
});

async function requestCode(email: string): Promise<string> {
  const res = await fetch(`${server.url}/api/collections/users/request-otp`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  expect(res.status).toBe(200);
  return (await res.json()).otpId;
}

const statusOf = async (otpId: string) => (await (await fetch(`${server.url}/api/coffice/otp-status/${otpId}`)).json()).status;
const accounts = (email: string) =>
  server.admin
    .collection('users')
    .getList(1, 1, { filter: `email = "${email}"` })
    .then((r) => r.totalItems);

describe('the one-time-code mail', () => {
  it('when it cannot be sent, says so and leaves no new account behind; a known account stays', async () => {
    // a mail server nobody answers at
    await server.admin.settings.update({ smtp: { enabled: true, host: '127.0.0.1', port: await freePort(), tls: false } });
    const stranger = `new-${Date.now()}@coffice.test`;
    const otpId = await requestCode(stranger);
    await expect.poll(() => statusOf(otpId), { timeout: 15_000 }).toBe('failed');
    expect(await accounts(stranger)).toBe(0);

    const { user } = await server.person('guest', 'Känd Person');
    const knownId = await requestCode(user.email);
    await expect.poll(() => statusOf(knownId), { timeout: 15_000 }).toBe('failed');
    expect(await accounts(user.email)).toBe(1);
  });

  it('when it is sent, says so, and the code signs the new person in', async () => {
    await sendMailTo(server.admin, sink, server.url);
    const email = `arrives-${Date.now()}@coffice.test`;
    const otpId = await requestCode(email);
    await expect.poll(() => statusOf(otpId), { timeout: 15_000 }).toBe('sent');
    const code = codeIn(await sink.nextMailTo(email));
    const auth = await server.client().collection('users').authWithOTP(otpId, code);
    expect(auth.record.email).toBe(email);
  });

  it('answers an id it does not know as pending, and a malformed one with a 400', async () => {
    expect(await statusOf('abcdefghijklmno')).toBe('pending');
    const bad = await fetch(`${server.url}/api/coffice/otp-status/${encodeURIComponent('<script>')}`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toMatch(/not a code request id/);
  });
});
