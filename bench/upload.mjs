// Uploading 1,000 offline scans the way the app does it — the app's own sync engine and
// PocketBase transport (src/lib/offline, loaded through Vite's module runner) draining an
// in-memory outbox as a signed-in host — beside the sync route called directly with the
// same 1,000 scans (2 × 500, the route's maximum). The app must stay within 1.5× of the route.
import { randomInt } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import PocketBase from 'pocketbase';
import { createServer } from 'vite';
import { BENCH_PASSWORD, benchServer, createPeople, percentile, printTable } from './lib.mjs';

const MEMBERS = 50;
const OFFLINE = 1000;
const RUNS = 5;
const LIMIT = 1.5;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const newId = () => Array.from({ length: 15 }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[randomInt(36)]).join('');
const stamp = (/** @type {Date} */ date) => date.toISOString().replace('T', ' ');

/** The app's offline modules, as TypeScript, through Vite (no SvelteKit, no browser). */
async function appModules() {
  const vite = await createServer({
    configFile: false,
    root: ROOT,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
    resolve: { alias: { $lib: path.join(ROOT, 'src/lib') } },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  const load = (/** @type {string} */ file) => vite.ssrLoadModule(path.join(ROOT, file));
  const [sync, transport, memory] = await Promise.all([
    load('src/lib/offline/sync.ts'),
    load('src/lib/offline/pocketbase-transport.ts'),
    load('src/lib/offline/memory-outbox.ts'),
  ]);
  return { ...sync, ...transport, ...memory, close: () => vite.close() };
}

export async function benchUpload() {
  const app = await appModules();
  const { server, admin, dispose } = await benchServer();
  try {
    admin.autoCancellation(false);
    await createPeople(admin, 'host', 1);
    await createPeople(admin, 'member', MEMBERS);
    const codes = (await admin.collection('passes').getFullList({ filter: 'kind = "member"', requestKey: null })).map((p) => p.code);

    // the door: a host signed in with the SDK, as the app is
    const door = new PocketBase(server.url);
    door.autoCancellation(false);
    await door.collection('users').authWithPassword('host-0@bench.test', BENCH_PASSWORD);
    const headers = { Authorization: door.authStore.token, 'Content-Type': 'application/json' };

    /** 1,000 scans of one offline morning (`day` days ago): everyone in and out, again and again */
    const morning = (/** @type {number} */ day) =>
      Array.from({ length: OFFLINE }, (_, i) => ({
        id: newId(),
        code: codes[i % codes.length],
        event: '',
        direction: Math.floor(i / codes.length) % 2 === 0 ? 'in' : 'out',
        scanned_at: stamp(new Date(Date.now() - day * 24 * 3600_000 + i * 1000)),
        device: 'bench-upload',
        verdict: 'admitted',
      }));

    const viaApp = async (/** @type {object[]} */ scans) => {
      const outbox = new app.MemoryOutbox();
      for (const scan of scans) outbox.add({ kind: 'scan', scan });
      const requests = { count: 0 };
      const counting = { send: (/** @type {string} */ p, /** @type {object} */ o) => (requests.count++, door.send(p, o)) };
      const engine = new app.SyncEngine({ outbox, transport: app.pocketbaseTransport(Object.assign(Object.create(door), counting), null) });
      const t = performance.now();
      await engine.sync();
      const ms = performance.now() - t;
      const counts = await outbox.counts();
      if (counts.pending + counts.failed > 0 || engine.status.lastError)
        throw new Error(`the app left ${JSON.stringify(counts)}: ${engine.status.lastError}`);
      return { ms, requests: requests.count };
    };
    const viaRoute = async (/** @type {object[]} */ scans) => {
      const t = performance.now();
      for (let i = 0; i < scans.length; i += 500) {
        const response = await fetch(`${server.url}/api/coffice/sync`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ scans: scans.slice(i, i + 500) }),
        });
        const body = await response.json();
        if (!response.ok || body.results.some((/** @type {{status: string}} */ r) => r.status === 'invalid'))
          throw new Error(`route: ${response.status}`);
      }
      return performance.now() - t;
    };

    await viaRoute(morning(30)); // warm up both paths
    await viaApp(morning(31));
    const appTimes = [];
    const routeTimes = [];
    let appRequests = 0;
    for (let run = 0; run < RUNS; run++) {
      // each its own morning, the same scans (codes, directions, times of day); in turns first
      const [a, b] = [morning(2 * run + 2), morning(2 * run + 3)];
      if (run % 2 === 0) {
        const r = await viaApp(a);
        appTimes.push(r.ms);
        appRequests = r.requests;
        routeTimes.push(await viaRoute(b));
      } else {
        routeTimes.push(await viaRoute(b));
        const r = await viaApp(a);
        appTimes.push(r.ms);
        appRequests = r.requests;
      }
    }
    const stored = (await admin.collection('checkins').getList(1, 1, { filter: 'device = "bench-upload"', requestKey: null })).totalItems;
    if (stored !== (RUNS * 2 + 2) * OFFLINE) throw new Error(`expected ${(RUNS * 2 + 2) * OFFLINE} scans stored, found ${stored}`);

    const appMs = percentile(appTimes, 50);
    const routeMs = percentile(routeTimes, 50);
    const ratio = appMs / routeMs;
    console.log(`\nCoffice offline upload benchmark (${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString()})\n`);
    printTable(
      ['what', 'p50 ms', 'worst ms', 'scans per second', 'note'],
      [
        [
          'the app: engine + transport, 1,000 offline scans',
          appMs,
          Math.max(...appTimes),
          (OFFLINE / appMs) * 1000,
          `${appRequests} requests, ${RUNS} runs`,
        ],
        ['the sync route directly (baseline)', routeMs, Math.max(...routeTimes), (OFFLINE / routeMs) * 1000, `2 × 500, ${RUNS} runs`],
      ],
    );
    console.log(`\napp / route: ${ratio.toFixed(2)}× (must be ≤ ${LIMIT}×)\n`);
    if (ratio > LIMIT) throw new Error(`the app's upload is ${ratio.toFixed(2)}× the route's, above ${LIMIT}×`);
  } finally {
    await dispose();
    await app.close();
  }
}
