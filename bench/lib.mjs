// Small helpers the benchmarks share: timing loops, percentiles and a printed table.
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
 * migrations and hooks, `build/` as the app, and an operator client for arranging data.
 */
export async function benchServer() {
  const { default: PocketBase } = await import('pocketbase');
  const { freePort, startPocketBase, upsertSuperuser } = await import('../scripts/lib/pocketbase.mjs');
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coffice-bench-'));
  const operator = { email: 'operator@coffice.test', password: 'bench-operator-password' };
  upsertSuperuser(dataDir, operator.email, operator.password);
  const server = await startPocketBase({ dataDir, port: await freePort() });
  const admin = new PocketBase(server.url);
  await admin.collection('_superusers').authWithPassword(operator.email, operator.password);
  return {
    server,
    admin,
    operator,
    async dispose() {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
