// An operator configures mail with environment variables only (README, Configuration):
// PocketBase then sends through that SMTP server, from that address, with links to that URL.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { resetTokenIn, startMailSink, type MailSink } from '../helpers/mail-sink';

let server: TestServer;
let sink: MailSink;

beforeAll(async () => {
  sink = await startMailSink();
  // this file runs in its own process: the variables reach only its PocketBase
  process.env.COFFICE_SMTP_HOST = '127.0.0.1';
  process.env.COFFICE_SMTP_PORT = String(sink.port);
  process.env.COFFICE_MAIL_FROM = 'hej@coffice.example';
  process.env.COFFICE_APP_URL = 'https://coffice.example';
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
  await sink?.stop();
});

it('mail settings come from the environment', async () => {
  const settings = await server.admin.settings.getAll();
  expect(settings.smtp).toMatchObject({ enabled: true, host: '127.0.0.1', port: sink.port, tls: false });
  expect(settings.meta).toMatchObject({ senderAddress: 'hej@coffice.example', appURL: 'https://coffice.example' });

  const { user } = await server.person('guest');
  await server.client().collection('users').requestPasswordReset(user.email);
  const mail = await sink.nextMailTo(user.email);
  expect(mail.subject).toBe('Nytt lösenord till Coffice');
  expect(mail.text).toContain('https://coffice.example/me/reset?token=');
  expect(resetTokenIn(mail).length).toBeGreaterThan(20);
});
