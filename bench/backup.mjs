// Backup and restore of a venue's data (issue #16): `npm run backup` on the running server and
// `npm run restore` of it (check, keep aside, restore, restart), for the demo venue and for a
// generated five years of a venue (1,000 events, 10,000 people, 200,000 check-ins), beside a
// plain copy of the same database files measured in the same run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { root } from '../scripts/lib/paths.mjs';
import { clearServing, writeServing } from '../scripts/lib/local-server.mjs';
import { seedDemoVenue } from '../scripts/seed/seed.mjs';
import { generatorServer, printTable } from './lib.mjs';

const OPERATOR = { email: 'operator@coffice.test', password: 'bench-operator-password' };
const RUNS = 3;
const mb = (/** @type {number} */ bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const median = (/** @type {number[]} */ values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The size of a folder's files, backups aside. @param {string} dir */
function folderSize(dir) {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'backups') continue;
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderSize(full) : fs.statSync(full).size;
  }
  return total;
}

/** Runs one of the repository's scripts against a data folder; its time in ms. @param {string} dataDir @param {string[]} args */
function timed(dataDir, args) {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: root, env: { ...process.env, COFFICE_DATA: dataDir }, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed:\n${run.stdout}${run.stderr}`);
  return { ms, output: run.stdout };
}

/** @param {string} name @param {(pb: import('pocketbase').default, url: string) => Promise<unknown>} fill */
async function venue(name, fill) {
  const { server, dataDir, pb, dispose } = await generatorServer('backup');
  writeServing(dataDir, { url: server.url, servername: null, pid: /** @type {number} */ (server.child.pid) });
  try {
    const filling = performance.now();
    await fill(pb, server.url);
    const filled = performance.now() - filling;
    const checkins = (await pb.collection('checkins').getList(1, 1)).totalItems;
    const people = (await pb.collection('users').getList(1, 1)).totalItems;
    const events = (await pb.collection('events').getList(1, 1)).totalItems;

    const backups = [];
    let file = '';
    for (let i = 0; i < RUNS; i++) {
      const run = timed(dataDir, ['scripts/backup.mjs']);
      backups.push(run.ms);
      file = /Backup made: (\S+\.zip)/.exec(run.output)?.[1] ?? file;
    }
    // the baseline: copying the database files as they are (what a copy of a stopped folder costs)
    const copies = [];
    for (let i = 0; i < RUNS; i++) {
      const target = fs.mkdtempSync(path.join(os.tmpdir(), 'coffice-bench-copy-'));
      const started = performance.now();
      for (const db of ['data.db', 'auxiliary.db']) fs.copyFileSync(path.join(dataDir, db), path.join(target, db));
      copies.push(performance.now() - started);
      fs.rmSync(target, { recursive: true, force: true });
    }
    const restore = timed(dataDir, ['scripts/restore.mjs', file]).ms;
    return {
      name,
      contents: `${events} events, ${people} people, ${checkins} check-ins`,
      filled,
      folder: folderSize(dataDir),
      zip: fs.statSync(file).size,
      backup: median(backups),
      copy: median(copies),
      restore,
    };
  } finally {
    clearServing(dataDir);
    await dispose();
  }
}

export async function benchBackup() {
  const rows = [];
  rows.push(await venue('demo venue', (_pb, url) => seedDemoVenue(url, OPERATOR, { log: () => undefined })));
  rows.push(
    await venue('five years', (pb) =>
      pb.send('/api/bench/generate', { method: 'POST', body: { people: 10_000, events: 1_000, checkins: 200_000, years: 5 } }),
    ),
  );
  console.log('\nBackup and restore of a venue (npm run backup / npm run restore on the running server)');
  printTable(
    [
      'venue',
      'contents',
      'data folder',
      'backup zip',
      'npm run backup (median of 3)',
      'copy of the db files (baseline)',
      'npm run restore',
    ],
    rows.map((r) => [
      r.name,
      r.contents,
      mb(r.folder),
      mb(r.zip),
      `${Math.round(r.backup)} ms`,
      `${Math.round(r.copy)} ms`,
      `${(r.restore / 1000).toFixed(1)} s`,
    ]),
  );
  console.log(
    'npm run backup includes starting node and asking for a token; npm run restore includes checking the backup on a\n' +
      "PocketBase of its own, keeping the live data aside as a backup, PocketBase's restore (it waits 1 s) and the restart.",
  );
}
