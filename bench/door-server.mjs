// The door's server routes under load, each beside plain PocketBase record creation measured
// in the same run: the scan route's throughput and latency with 16 requests in flight
// (members toggling at the front door, guests at an event), and uploading 1,000 offline
// scans through the sync route beside creating 1,000 records in a plain collection with the
// batch API. Requests carry the operator's token: rate limits apply to people, and this
// measures what the server itself can do (a host's address is capped at 30 scans/s). The ratio
// column is the route's throughput over its baseline's (issue #17 asks ≥ 0.7× for a scan at 16
// in flight, ≥ 0.5× for a sync of 1,000); a plot shows latency against requests in flight.
import { randomInt } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import PocketBase from 'pocketbase';
import { createPeople, percentile, printTable, benchServer, underLoad } from './lib.mjs';
import { recordPlot } from './report.mjs';

const PEOPLE = 200;
const SCANS = 2000;
const OFFLINE = 1000;
const RUNS = 5;
const LOADS = [1, 2, 4, 8, 16, 32];
const PER_LOAD = 300;

const newId = () => Array.from({ length: 15 }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[randomInt(36)]).join('');

/** @param {PocketBase} admin @param {string} collection @param {Record<string, unknown>[]} bodies @param {number} [size] */
async function createAll(admin, collection, bodies, size = 50) {
  const created = [];
  for (let i = 0; i < bodies.length; i += size) {
    const send = () => {
      const batch = admin.createBatch();
      for (const body of bodies.slice(i, i + size)) batch.collection(collection).create(body);
      return batch.send({ requestKey: null });
    };
    // a batch has 5 s: on a loaded machine password hashing can overrun it, and it is rolled back whole
    let results = null;
    for (let attempt = 1; !results; attempt++) {
      results = await send().catch((error) => {
        if (error.status === 400 && attempt < 3) return null;
        throw new Error(`creating ${collection} ${i}–${i + size}: ${JSON.stringify(error.response)}`);
      });
    }
    for (const result of results) created.push(result.body);
  }
  return created;
}

/** @param {() => Promise<unknown>} fn */
async function timed(fn) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

export async function benchDoorServer() {
  const { server, operator, dispose } = await benchServer();
  try {
    const admin = new PocketBase(server.url);
    admin.autoCancellation(false);
    await admin.collection('_superusers').authWithPassword(operator.email, operator.password);
    const headers = { Authorization: admin.authStore.token, 'Content-Type': 'application/json' };
    /** @param {string} route @param {unknown} body */
    const post = (route, body) => fetch(`${server.url}${route}`, { method: 'POST', headers, body: JSON.stringify(body) });

    // the venue: members with passes, an event going on now with its guests
    await createPeople(admin, 'member', PEOPLE);
    const guests = await createPeople(admin, 'guest', PEOPLE);
    const event = await admin.collection('events').create({
      title: 'Frukostmöte',
      kind: 'breakfast',
      starts: new Date(Date.now() - 10 * 60_000).toISOString(),
      ends: new Date(Date.now() + 3 * 3600_000).toISOString(),
      capacity: 0,
      status: 'published',
    });
    await createAll(
      admin,
      'registrations',
      guests.map((g) => ({ event: event.id, user: g.id })),
      10,
    );
    const passes = await admin.collection('passes').getFullList({ batch: 500 });
    const memberCodes = passes.filter((p) => p.kind === 'member').map((p) => p.code);
    const guestCodes = passes.filter((p) => p.kind === 'event').map((p) => p.code);
    await admin.collections.create({
      name: 'bench_plain',
      type: 'base',
      fields: [
        { name: 'code', type: 'text' },
        { name: 'device', type: 'text' },
      ],
    });

    // warm both paths up
    await underLoad(200, (i) => post('/api/coffice/scan', { code: memberCodes[i % memberCodes.length] }));
    await underLoad(200, (i) => post('/api/collections/bench_plain/records', { code: `warm ${i}` }));

    const scans = await underLoad(SCANS, (i) =>
      i % 2 === 0
        ? post('/api/coffice/scan', { code: memberCodes[(i / 2) % memberCodes.length], device: 'bench-front' })
        : post('/api/coffice/scan', { code: guestCodes[((i - 1) / 2) % guestCodes.length], event: event.id, device: 'bench-event' }),
    );
    const creates = await underLoad(SCANS, (i) => post('/api/collections/bench_plain/records', { code: `plain ${i}`, device: 'bench' }));

    // latency against load: the same two at 1 to 32 in flight, in turns
    const curve = [];
    let made = 0;
    for (const inFlight of LOADS) {
      const scan = await underLoad(
        PER_LOAD,
        (i) => post('/api/coffice/scan', { code: memberCodes[(made + i) % memberCodes.length], device: 'bench-curve' }),
        inFlight,
      );
      const plain = await underLoad(PER_LOAD, (i) => post('/api/collections/bench_plain/records', { code: `curve ${made + i}` }), inFlight);
      made += PER_LOAD;
      curve.push({
        inFlight,
        scan: percentile(scan.times, 50),
        plain: percentile(plain.times, 50),
        scanRate: scan.perSecond,
        plainRate: plain.perSecond,
      });
    }

    // 1,000 offline scans of one door: two uploads of 500 (the route's maximum); each run
    // is another day's morning, as a door that was offline on several days would send
    const offline = (/** @type {number} */ run) =>
      Array.from({ length: OFFLINE }, (_, i) => ({
        id: newId(),
        code: memberCodes[i % memberCodes.length],
        direction: Math.floor(i / memberCodes.length) % 2 === 0 ? 'in' : 'out',
        scanned_at: new Date(Date.now() - (run + 1) * 24 * 3600_000 + i * 1000).toISOString(),
        device: 'bench-offline',
        verdict: 'admitted',
      }));
    const syncTimes = [];
    const replayTimes = [];
    const appTimes = [];
    const batchTimes = [];
    for (let run = 0; run < RUNS; run++) {
      const upload = offline(run);
      const send = () =>
        Promise.all([post('/api/coffice/sync', { scans: upload.slice(0, 500) }), post('/api/coffice/sync', { scans: upload.slice(500) })]);
      syncTimes.push(await timed(send));
      replayTimes.push(await timed(send));
      // as the app sends it (src/lib/offline/sync.ts SCAN_BATCH): runs of 200, one request at a
      // time — the baseline's shape; other days than the 2 × 500, so none of it is known
      const appUpload = offline(RUNS + run);
      appTimes.push(
        await timed(async () => {
          for (let i = 0; i < OFFLINE; i += 200) await post('/api/coffice/sync', { scans: appUpload.slice(i, i + 200) });
        }),
      );
      batchTimes.push(
        await timed(() =>
          createAll(
            admin,
            'bench_plain',
            upload.map((s) => ({ code: s.code, device: s.device })),
            200,
          ),
        ),
      );
    }
    const stored = (await admin.collection('checkins').getList(1, 1, { filter: 'device = "bench-offline"' })).totalItems;
    if (stored !== 2 * RUNS * OFFLINE) throw new Error(`expected ${2 * RUNS * OFFLINE} offline scans stored, found ${stored}`);

    console.log(`\nCoffice door server benchmarks (${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString()})\n`);
    printTable(
      ['what', 'p50 ms', 'p99 ms', 'per second', 'ratio to baseline', 'note'],
      [
        [
          'scan route, 16 in flight',
          percentile(scans.times, 50),
          percentile(scans.times, 99),
          scans.perSecond,
          `${(scans.perSecond / creates.perSecond).toFixed(2)}×`,
          `${SCANS} scans, decided and stored`,
        ],
        [
          'plain record create, 16 in flight (baseline)',
          percentile(creates.times, 50),
          percentile(creates.times, 99),
          creates.perSecond,
          '1×',
          `${SCANS} records, no hooks`,
        ],
        [
          'sync of 1,000 offline scans',
          percentile(syncTimes, 50),
          Math.max(...syncTimes),
          (OFFLINE / percentile(syncTimes, 50)) * 1000,
          `${(percentile(batchTimes, 50) / percentile(syncTimes, 50)).toFixed(2)}×`,
          `2 × 500, ${RUNS} runs (p99 = worst)`,
        ],
        [
          'sync of 1,000, as the app sends them',
          percentile(appTimes, 50),
          Math.max(...appTimes),
          (OFFLINE / percentile(appTimes, 50)) * 1000,
          `${(percentile(batchTimes, 50) / percentile(appTimes, 50)).toFixed(2)}×`,
          `5 × 200 one after another, ${RUNS} runs`,
        ],
        [
          'the same 1,000 replayed (all known)',
          percentile(replayTimes, 50),
          Math.max(...replayTimes),
          (OFFLINE / percentile(replayTimes, 50)) * 1000,
          `${(percentile(batchTimes, 50) / percentile(replayTimes, 50)).toFixed(2)}×`,
          'nothing stored',
        ],
        [
          'batch API: 1,000 plain records (baseline)',
          percentile(batchTimes, 50),
          Math.max(...batchTimes),
          (OFFLINE / percentile(batchTimes, 50)) * 1000,
          '1×',
          '5 × 200',
        ],
      ],
    );
    console.log(`\nLatency against load: ${PER_LOAD} requests at each number in flight, the scan route and a plain create in turns\n`);
    printTable(
      ['in flight', 'scan p50 ms', 'plain create p50 ms (baseline)', 'scans per second', 'creates per second', 'ratio'],
      curve.map((c) => [String(c.inFlight), c.scan, c.plain, c.scanRate, c.plainRate, `${(c.scanRate / c.plainRate).toFixed(2)}×`]),
    );
    recordPlot({
      id: 'door-scan-load',
      title: 'The scan route against a plain create, by requests in flight',
      xLabel: 'requests in flight',
      yLabel: 'ms (median latency)',
      series: [
        { name: 'scan route', points: curve.map((c) => [c.inFlight, c.scan]) },
        { name: 'plain record create (baseline)', points: curve.map((c) => [c.inFlight, c.plain]) },
      ],
    });
    console.log('');
  } finally {
    await dispose();
  }
}
