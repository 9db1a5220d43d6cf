// Notices survive what mail servers and machines do (issue #14): a kill -9 while 50 notices
// are pending loses none and doubles none; a mail server that refuses for a while gets every
// notice afterwards, once; one that never takes a notice leaves it `failed`, which hosts see.
// The retry schedule is shortened for the test (COFFICE_NOTICE_BACKOFF_MS: a "minute" of 20 ms).
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/pocketbase.mjs';
import { sendMailTo, startMailSink, type MailSink } from '../helpers/mail-sink';
import { createEvent, crowd, startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
let sink: MailSink;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coffice-notices-'));
beforeAll(async () => {
  process.env.COFFICE_NOTICE_BACKOFF_MS = '20';
  server = await startTestServer({ dataDir });
  sink = await startMailSink();
});
afterAll(async () => {
  await server?.stop();
  await sink?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const runWorker = () => server.admin.crons.run('coffice-notices');
const noticesOf = (eventId: string) =>
  server.admin.collection('notices').getFullList({ filter: `event = "${eventId}" && channel = "mail"` });

describe('reliable notices', () => {
  it('kill -9 while 50 notices are pending, then a start: every one is sent exactly once', async () => {
    // a mail server nobody answers at: every attempt fails, the notices stay pending
    await server.admin.settings.update({ smtp: { enabled: true, host: '127.0.0.1', port: await freePort(), tls: false } });
    const event = await createEvent(server.admin, { title: 'Stor frukost' });
    const people = await crowd(server, 50);
    for (const p of people) await p.pb.collection('registrations').create({ event: event.id, user: p.user.id });
    await expect.poll(async () => (await noticesOf(event.id)).filter((n) => n.status === 'pending').length).toBe(50);

    await server.stop('SIGKILL');
    server = await startTestServer({ dataDir });
    await sendMailTo(server.admin, sink, 'https://coffice.test');
    await expect
      .poll(
        async () => {
          await runWorker();
          return (await noticesOf(event.id)).filter((n) => n.status === 'sent').length;
        },
        { timeout: 30_000, interval: 300 },
      )
      .toBe(50);
    // more runs of the worker send nothing again
    await runWorker();
    await runWorker();
    for (const p of people) expect(sink.mailsTo(p.user.email)).toHaveLength(1);
  });

  it('a mail server that refuses for a while: all sent after, none twice', async () => {
    await sendMailTo(server.admin, sink, 'https://coffice.test');
    sink.setRefusing(true);
    const event = await createEvent(server.admin, { title: 'Efter störningen' });
    const people = await crowd(server, 10);
    for (const p of people) await p.pb.collection('registrations').create({ event: event.id, user: p.user.id });
    // refused again and again (a "minute" and more at the test's pace), still pending
    await expect
      .poll(
        async () => {
          await runWorker();
          return (await noticesOf(event.id)).every((n) => n.status === 'pending' && n.attempts >= 3);
        },
        { timeout: 20_000, interval: 100 },
      )
      .toBe(true);
    expect((await noticesOf(event.id))[0].error).toContain('451');
    sink.setRefusing(false);
    await expect
      .poll(
        async () => {
          await runWorker();
          return (await noticesOf(event.id)).filter((n) => n.status === 'sent').length;
        },
        { timeout: 30_000, interval: 300 },
      )
      .toBe(10);
    await runWorker();
    for (const p of people) expect(sink.mailsTo(p.user.email)).toHaveLength(1);
  });

  it('a notice that can never be sent ends `failed` after the attempts, with the error; hosts see it', async () => {
    sink.setRefusing(true);
    const event = await createEvent(server.admin, { title: 'Aldrig fram' });
    const [guest] = await crowd(server, 1);
    await guest.pb.collection('registrations').create({ event: event.id, user: guest.user.id });
    await expect
      .poll(
        async () => {
          await runWorker();
          return (await noticesOf(event.id))[0].status;
        },
        { timeout: 30_000, interval: 200 },
      )
      .toBe('failed');
    sink.setRefusing(false);
    const host = await server.person('host');
    const failed = await host.pb.collection('notices').getFullList({ filter: 'status = "failed"' });
    expect(failed.map((n) => [n.user, n.attempts])).toEqual([[guest.user.id, 8]]);
    expect(failed[0].error).toContain('451');
    // the person sees their own notice, nobody else's
    expect(await guest.pb.collection('notices').getFullList()).toHaveLength(1);
    expect((await host.pb.collection('notices').getList(1, 1)).totalItems).toBeGreaterThan(1);
    await runWorker();
    expect(sink.mailsTo(guest.user.email)).toHaveLength(0);
  });

  it('a mail server that hangs holds up no request', async () => {
    const port = await freePort();
    const hanging = net.createServer(() => {}).listen(port, '127.0.0.1');
    try {
      await server.admin.settings.update({ smtp: { enabled: true, host: '127.0.0.1', port, tls: false } });
      const event = await createEvent(server.admin, { title: 'Hänger' });
      const [guest] = await crowd(server, 1);
      const started = Date.now();
      await guest.pb.collection('registrations').create({ event: event.id, user: guest.user.id });
      await guest.pb.collection('events').getList(1, 5);
      expect(Date.now() - started).toBeLessThan(3000);
      expect((await noticesOf(event.id)).map((n) => n.status)).toEqual(['pending']);
    } finally {
      hanging.close();
    }
  });
});
