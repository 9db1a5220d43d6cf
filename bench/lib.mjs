// Small helpers the benchmarks share: timing loops, percentiles and a printed table.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';

/**
 * Runs `fn` `runs` times after `warmup` runs; returns per-run milliseconds.
 * @param {() => Promise<unknown>} fn
 * @param {{ runs?: number, warmup?: number }} [options]
 */
export async function measure(fn, { runs = 200, warmup = 20 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

/** @param {number[]} times @param {number} p 0–100 */
export function percentile(times, p) {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** @param {string[]} header @param {(string | number)[][]} rows */
export function printTable(header, rows) {
  const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? c.toFixed(2) : c)))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => String(r[i]).length)));
  const line = (/** @type {(string|number)[]} */ r) => '| ' + r.map((c, i) => String(c).padEnd(widths[i])).join(' | ') + ' |';
  console.log(line(header));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const r of cells.slice(1)) console.log(line(r));
}

/**
 * `count` requests, `inFlight` at a time: per-request milliseconds and requests per second.
 * @param {number} count @param {(i: number) => Promise<Response>} request @param {number} [inFlight] 16 unless told
 */
export async function underLoad(count, request, inFlight = 16) {
  /** @type {number[]} */
  const times = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < count) {
        const i = next++;
        const t = performance.now();
        const response = await request(i);
        if (!response.ok) throw new Error(`request ${i}: ${response.status} ${await response.text()}`);
        await response.arrayBuffer();
        times.push(performance.now() - t);
      }
    }),
  );
  return { times, perSecond: count / ((performance.now() - start) / 1000) };
}

/** The password of everyone createPeople makes. */
export const BENCH_PASSWORD = 'bench-password-123';

/**
 * `count` people of `role` (`<role>-<i>@bench.test`, BENCH_PASSWORD), made by the operator four
 * at a time: hashing passwords is slow on purpose, and on a loaded machine a batch of a few
 * people can overrun a batch's 5 s. Their passes are made by the app's hooks.
 * @param {import('pocketbase').default} admin @param {string} role @param {number} count
 */
export async function createPeople(admin, role, count) {
  const made = [];
  for (let i = 0; i < count; i += 4) {
    const bodies = Array.from({ length: Math.min(4, count - i) }, (_, j) => ({
      email: `${role}-${i + j}@bench.test`,
      name: `${role} ${i + j}`,
      role,
      password: BENCH_PASSWORD,
      passwordConfirm: BENCH_PASSWORD,
    }));
    made.push(...(await Promise.all(bodies.map((body) => admin.collection('users').create(body, { requestKey: null })))));
  }
  return made;
}

/** Debian's Chromium as the benchmarks start it (see TOOLCHAIN.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * A PocketBase of its own for one benchmark: a temp data folder, a free port, the app's
 * migrations and hooks, `build/` as the app, and an operator client for arranging data;
 * with `demo`, the demo venue seeded as `npm start` does (real accounts, ~100 events); with
 * `generator`, the benches' raw-SQL generator (bench/hooks/generate.pb.js) beside a copy of the
 * app's hooks. `dispose` stops it and removes its folders.
 * @param {{ demo?: boolean, generator?: boolean, name?: string }} [options] `name`: part of the folders' names
 */
export async function benchServer({ demo = false, generator = false, name = '' } = {}) {
  const { default: PocketBase } = await import('pocketbase');
  const { freePort, startPocketBase, upsertSuperuser } = await import('../scripts/lib/pocketbase.mjs');
  const os = await import('node:os');
  const path = await import('node:path');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), name ? `coffice-bench-${name}-` : 'coffice-bench-'));
  /** @type {string | undefined} */
  let hooks;
  if (generator) {
    const { hooksDir, root } = await import('../scripts/lib/paths.mjs');
    hooks = fs.mkdtempSync(path.join(os.tmpdir(), 'coffice-bench-hooks-'));
    fs.cpSync(hooksDir, hooks, { recursive: true });
    fs.copyFileSync(path.join(root, 'bench', 'hooks', 'generate.pb.js'), path.join(hooks, 'generate.pb.js'));
  }
  const operator = { email: 'operator@coffice.test', password: 'bench-operator-password' };
  upsertSuperuser(dataDir, operator.email, operator.password, { hooksDir: hooks });
  const server = await startPocketBase({ dataDir, port: await freePort(), hooksDir: hooks });
  const admin = new PocketBase(server.url);
  await admin.collection('_superusers').authWithPassword(operator.email, operator.password);
  if (demo) {
    const { seedDemoVenue } = await import('../scripts/seed/seed.mjs');
    await seedDemoVenue(server.url, operator, { log: () => {} });
  }
  return {
    server,
    dataDir,
    admin,
    operator,
    async dispose() {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (hooks) fs.rmSync(hooks, { recursive: true, force: true });
    },
  };
}

/**
 * A client on one loopback address (127.0.0.0/8 is all this machine): a phone, a door or a
 * host is one address, so PocketBase's per-address rate limits apply as they would to people.
 * Every request answers its status, parsed body and milliseconds; it never throws for a status.
 * @param {string} url the server @param {string} localAddress e.g. '127.0.1.7'
 */
export async function loopbackClient(url, localAddress) {
  const http = await import('node:http');
  const agent = new http.Agent({ keepAlive: true, localAddress });
  return {
    localAddress,
    /**
     * @param {string} method @param {string} path @param {unknown} [body] @param {string} [token]
     * @returns {Promise<{ status: number, body: any, ms: number }>}
     */
    request(method, path, body, token) {
      const payload = body === undefined ? '' : JSON.stringify(body);
      const start = performance.now();
      return new Promise((resolve) => {
        const request = http.request(
          new URL(path, url),
          {
            method,
            agent,
            headers: {
              ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } : {}),
              ...(token ? { Authorization: token } : {}),
            },
          },
          (response) => {
            let text = '';
            response.setEncoding('utf8');
            response.on('data', (chunk) => (text += chunk));
            response.on('end', () => {
              let parsed;
              try {
                parsed = text ? JSON.parse(text) : null;
              } catch {
                parsed = { text };
              }
              resolve({ status: response.statusCode ?? 0, body: parsed, ms: performance.now() - start });
            });
          },
        );
        // a network error is an answer with status 0 (counted as an error by the caller)
        request.on('error', (error) => resolve({ status: 0, body: { error: String(error) }, ms: performance.now() - start }));
        request.end(payload || undefined);
      });
    },
    close: () => agent.destroy(),
  };
}

/** A process's resident memory (VmRSS), MiB. @param {number} pid */
export function rssMiB(pid) {
  return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
}

/** The resident memory once it stops moving (a server settles after a burst), MiB. @param {number} pid */
export async function settledRss(pid) {
  let last = rssMiB(pid);
  for (let i = 0; i < 20; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = rssMiB(pid);
    if (Math.abs(now - last) < 0.5) return now;
    last = now;
  }
  return last;
}

/**
 * Samples a process's resident memory (VmRSS in /proc/<pid>/status) every `everyMs` until
 * stopped: [seconds since start, MiB] pairs.
 * @param {number} pid @param {number} [everyMs]
 */
export function sampleRss(pid, everyMs = 1000) {
  const read = () => rssMiB(pid);
  const start = performance.now();
  /** @type {[number, number][]} */
  const samples = [[0, read()]];
  const timer = setInterval(() => {
    try {
      samples.push([(performance.now() - start) / 1000, read()]);
    } catch {
      // the process ended
    }
  }, everyMs);
  return {
    samples,
    /** seconds since sampling began */
    now: () => (performance.now() - start) / 1000,
    stop: () => clearInterval(timer),
  };
}

/**
 * A PocketBase with the benches' raw-SQL generator for generated venues of years of history
 * (bench/backup.mjs, bench/insights.mjs): benchServer's, its operator client `pb` never
 * cancelling a request for a newer one.
 * @param {string} name part of the folders' names
 */
export async function generatorServer(name) {
  const { admin, ...rest } = await benchServer({ generator: true, name });
  admin.autoCancellation(false);
  return { ...rest, pb: admin };
}
