// Notices under a burst (issue #14): a host's message to 500 registered people queues 500
// mails in one transaction; the time until the last is in a local SMTP sink, and the scan
// route's latency (16 requests in flight) while they are sent, beside its latency at rest
// measured in the same run.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import PocketBase from 'pocketbase';
import { startSmtpSink } from '../scripts/lib/mail-sink.mjs';
import { freePort } from '../scripts/lib/pocketbase.mjs';
import { benchServer, createPeople, percentile, printTable } from './lib.mjs';

const PEOPLE = 500;
const MEMBERS = 50;
const IN_FLIGHT = 16;

/** @param {PocketBase} admin @param {string} collection @param {Record<string, unknown>[]} bodies @param {number} [size] */
async function createAll(admin, collection, bodies, size = 50) {
  const created = [];
  for (let i = 0; i < bodies.length; i += size) {
    const batch = admin.createBatch();
    for (const body of bodies.slice(i, i + size)) batch.collection(collection).create(body);
    for (const result of await batch.send({ requestKey: null })) created.push(result.body);
  }
  return created;
}

/** Scans at the front door, IN_FLIGHT at a time, until `until()` is true (or `count` when given). */
async function scanWhile(post, codes, until, count = Infinity) {
  const times = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < count && !until()) {
        const i = next++;
        const t = performance.now();
        const response = await post('/api/coffice/scan', { code: codes[i % codes.length], device: 'bench-front' });
        if (!response.ok) throw new Error(`scan ${i}: ${response.status} ${await response.text()}`);
        await response.arrayBuffer();
        times.push(performance.now() - t);
      }
    }),
  );
  return times;
}

export async function benchNotices() {
  let mails = 0;
  const smtpPort = await freePort();
  const sink = await startSmtpSink({ port: smtpPort, onMail: () => mails++ });
  const { server, operator, dispose } = await benchServer();
  try {
    const admin = new PocketBase(server.url);
    admin.autoCancellation(false);
    await admin.collection('_superusers').authWithPassword(operator.email, operator.password);
    await admin.settings.update({
      meta: { appURL: server.url, senderName: 'Coffice', senderAddress: 'noreply@bench.test' },
      smtp: { enabled: true, host: '127.0.0.1', port: smtpPort, tls: false, username: '', password: '' },
    });
    const headers = { Authorization: admin.authStore.token, 'Content-Type': 'application/json' };
    /** @param {string} route @param {unknown} body */
    const post = (route, body) => fetch(`${server.url}${route}`, { method: 'POST', headers, body: JSON.stringify(body) });

    await createPeople(admin, 'member', MEMBERS);
    const guests = await createPeople(admin, 'guest', PEOPLE);
    const event = await admin.collection('events').create({
      title: 'Stora frukosten',
      kind: 'breakfast',
      starts: new Date(Date.now() + 24 * 3600_000).toISOString(),
      ends: new Date(Date.now() + 26 * 3600_000).toISOString(),
      capacity: 0,
      status: 'published',
    });
    await createAll(
      admin,
      'registrations',
      guests.map((g) => ({ event: event.id, user: g.id })),
    );
    // the 500 confirmations go out first (not measured): the burst below starts from an empty queue
    const drained = async () => (await admin.collection('notices').getList(1, 1, { filter: 'status = "pending"' })).totalItems === 0;
    while (!(await drained())) await admin.crons.run('coffice-notices');
    const memberCodes = (await admin.collection('passes').getFullList({ filter: 'kind = "member"', batch: 500 })).map((p) => p.code);

    await scanWhile(post, memberCodes, () => false, 200); // warm-up
    const atRest = await scanWhile(post, memberCodes, () => false, 2000);

    const before = mails;
    const start = performance.now();
    const answer = await (await post(`/api/coffice/events/${event.id}/message`, { text: 'Ingången är på baksidan i dag.' })).json();
    if (answer.sent !== PEOPLE) throw new Error(`the message was queued for ${answer.sent}, not ${PEOPLE}`);
    const queuedMs = performance.now() - start;
    let done = false;
    let sentMs = 0;
    // the worker as its cron runs it (started here rather than waiting up to a minute)
    const worker = (async () => {
      while (mails - before < PEOPLE) {
        await admin.crons.run('coffice-notices');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      sentMs = performance.now() - start;
      done = true;
    })();
    const during = await scanWhile(post, memberCodes, () => done);
    await worker;

    console.log(`\nCoffice notice benchmarks (${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString()})\n`);
    printTable(
      ['what', 'ms', 'p50 ms', 'p99 ms', 'note'],
      [
        ['500 notices queued (one host message)', queuedMs, '', '', 'one request, one transaction'],
        ['all 500 mails in the SMTP sink', sentMs, '', '', `${((PEOPLE / sentMs) * 1000).toFixed(0)} mails/s, local sink`],
        ['scan route at rest (baseline)', '', percentile(atRest, 50), percentile(atRest, 99), `${atRest.length} scans, 16 in flight`],
        ['scan route while the 500 are sent', '', percentile(during, 50), percentile(during, 99), `${during.length} scans, 16 in flight`],
      ],
    );
  } finally {
    await dispose();
    await sink.stop();
  }
}
