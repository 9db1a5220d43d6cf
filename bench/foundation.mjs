// The foundation's numbers, each beside a baseline measured in the same
// run on the same machine: the shell served compressed vs uncompressed, and the programme
// read from the API vs PocketBase's bare health route. Uses a temp PocketBase serving
// build/ with the demo venue.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { buildDir } from '../scripts/lib/paths.mjs';
import { seedDemoVenue } from '../scripts/seed/seed.mjs';
import { measure, percentile, printTable, benchServer } from './lib.mjs';

export async function benchFoundation() {
  const { server, operator, dispose } = await benchServer();
  try {
    await seedDemoVenue(server.url, operator, { log: () => {} });

    // What a first visit downloads: index.html and the scripts/styles it preloads.
    const index = fs.readFileSync(path.join(buildDir, 'index.html'), 'utf8');
    const shellAssets = ['/', ...[...index.matchAll(/href="(\/_app\/immutable\/[^"]+)"/g)].map((m) => m[1])];
    const rawBytes = shellAssets.reduce(
      (sum, a) => sum + (a === '/' ? Buffer.byteLength(index) : fs.statSync(path.join(buildDir, a)).size),
      0,
    );

    /** @param {string} encoding */
    const fetchShell = async (encoding) => {
      for (const asset of shellAssets) {
        const res = await fetch(`${server.url}${asset}`, { headers: { 'Accept-Encoding': encoding } });
        await res.arrayBuffer();
      }
    };
    // bytes on the wire with gzip (the server's level is the default one, like zlib's)
    const gzipBytes = shellAssets.reduce((sum, a) => {
      const body = a === '/' ? Buffer.from(index) : fs.readFileSync(path.join(buildDir, a));
      return sum + zlib.gzipSync(body).length;
    }, 0);
    const shellGzip = await measure(() => fetchShell('gzip'), { runs: 100, warmup: 10 });
    const shellIdentity = await measure(() => fetchShell('identity'), { runs: 100, warmup: 10 });

    const programmeUrl = `${server.url}/api/collections/events/records?perPage=200&sort=starts&expand=space&filter=${encodeURIComponent("ends >= @now && status != 'draft'")}`;
    const programme = await measure(async () => (await fetch(programmeUrl)).json());
    const health = await measure(async () => (await fetch(`${server.url}/api/health`)).json());
    const count = (await (await fetch(programmeUrl)).json()).items.length;

    console.log(`\nCoffice foundation benchmarks (${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString()})\n`);
    printTable(
      ['what', 'p50 ms', 'p99 ms', 'bytes', 'note'],
      [
        ['first-visit shell, gzip', percentile(shellGzip, 50), percentile(shellGzip, 99), String(gzipBytes), `${shellAssets.length} files`],
        [
          'first-visit shell, uncompressed (baseline)',
          percentile(shellIdentity, 50),
          percentile(shellIdentity, 99),
          String(rawBytes),
          'same files',
        ],
        ['programme from the API (upcoming, with rooms)', percentile(programme, 50), percentile(programme, 99), '-', `${count} events`],
        ['PocketBase /api/health (baseline)', percentile(health, 50), percentile(health, 99), '-', 'no database work'],
      ],
    );
    console.log('');
  } finally {
    await dispose();
  }
}
