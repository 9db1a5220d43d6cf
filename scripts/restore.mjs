#!/usr/bin/env node
// `npm run restore -- FILE`: puts a backup (PocketBase's zip, made by `npm run backup`, the
// daily schedule or the admin UI) back as the venue's data. Refuses — changing nothing — a file
// that is not a whole zip, a backup of another app, or one of a newer Coffice than this code
// (the very check `npm start` makes: it starts the backup on its own first). The data it
// replaces is kept aside: on a running server as a backup named before-restore-…zip, on a
// stopped one as the folder <data>.replaced-<time>.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { defaultDataDir, root } from './lib/paths.mjs';
import { freePort, startPocketBase } from './lib/pocketbase.mjs';
import { ask, localOperatorToken, servingAt } from './lib/local-server.mjs';
import { fail, fileStamp } from './lib/cli.mjs';

const file = process.argv[2];
if (!file) fail('Which backup? npm run restore -- FILE (a .zip from <data>/backups or the admin UI).');
const source = path.resolve(process.cwd(), file);
if (!fs.existsSync(source) || !fs.statSync(source).isFile()) fail(`There is no file ${source}.`);
const dataDir = path.resolve(root, process.env.COFFICE_DATA ?? defaultDataDir);
const stamp = fileStamp();

// 1. A whole zip with a database in it, unpacked beside the data folder (same disk).
const unpacked = fs.mkdtempSync(path.join(path.dirname(dataDir), `.coffice-restore-`));
const cleanUp = () => fs.rmSync(unpacked, { recursive: true, force: true });
const unzip = spawnSync('unzip', ['-qq', '-o', source, '-d', unpacked], { encoding: 'utf8' });
if (unzip.error) {
  cleanUp();
  fail(`Restoring needs unzip (apt-get install unzip): ${unzip.error.message}`);
}
if (unzip.status !== 0 || !fs.existsSync(path.join(unpacked, 'data.db'))) {
  cleanUp();
  fail(
    `${path.basename(source)} is not a whole backup (a zip with data.db): ${(unzip.stderr || 'no data.db in it').trim().split('\n')[0]}. Nothing was changed.`,
  );
}

// 2. Started on its own with this code: the data folder guard refuses another app's or a newer
// schema exactly as `npm start` would, and the migrations this code has are applied to it.
try {
  const trial = await startPocketBase({ dataDir: unpacked, port: await freePort(), publicDir: unpacked, appUrl: '' });
  await trial.stop();
} catch (err) {
  cleanUp();
  const text = /** @type {Error} */ (err).message;
  const refusal = text.split('\n').find((line) => line.includes('Refusing to start'));
  fail(
    `${path.basename(source)} cannot be restored: ${refusal ? refusal.replace(/^.*?(This data folder)/, 'this backup').trim() : text}\nNothing was changed.`,
  );
}

const where = servingAt(dataDir);
if (where) {
  // 3a. Running: PocketBase restores its own backup and restarts (as the admin UI does).
  cleanUp();
  const backups = path.join(dataDir, 'backups');
  fs.mkdirSync(backups, { recursive: true });
  const name = path.dirname(source) === backups ? path.basename(source) : `restore-${stamp}.zip`;
  if (path.dirname(source) !== backups) fs.copyFileSync(source, path.join(backups, name));
  try {
    const token = await localOperatorToken(dataDir, where);
    const startedAt = (await ask(where, 'GET', '/api/health')).body?.data?.startedAt;
    const aside = `before-restore-${stamp}.zip`;
    // writes wait from here (503, kept in the devices' outboxes) until the restored server answers
    const paused = await ask(where, 'POST', '/api/coffice/maintenance', { token, body: { on: true } });
    if (paused.status !== 200) throw new Error(paused.body?.message ?? `the server answered ${paused.status}`);
    const resume = () => ask(where, 'POST', '/api/coffice/maintenance', { token, body: { on: false } }).catch(() => null);
    const kept = await ask(where, 'POST', '/api/backups', { token, body: { name: aside } });
    if (kept.status !== 204 && kept.status !== 200) {
      await resume();
      throw new Error(`the live data could not be kept aside first (${kept.body?.message ?? kept.status}); it is untouched`);
    }
    const restored = await ask(where, 'POST', `/api/backups/${encodeURIComponent(name)}/restore`, { token });
    if (restored.status !== 204 && restored.status !== 200) {
      await resume();
      throw new Error(`${restored.body?.message ?? `the server answered ${restored.status}`}; the live data is untouched`);
    }
    console.log(`Restoring ${name}: the server restarts with it. The data it replaced is kept as ${path.join(backups, aside)}.`);
    // back when a new process answers (PocketBase restores a second later and restarts in place)
    const deadline = Date.now() + 120_000;
    for (;;) {
      const health = await ask(where, 'GET', '/api/health', { timeoutMs: 2_000 }).catch(() => null);
      const data = health?.status === 200 ? health.body?.data : null;
      if (data?.startedAt && data.startedAt !== startedAt && data.canBackup) break;
      if (Date.now() > deadline) fail('The server did not answer within two minutes after the restore: see its log.');
      await new Promise((r) => setTimeout(r, 250));
    }
    console.log('Restored; the server answers.');
  } catch (err) {
    fail(`The backup was not restored: ${/** @type {Error} */ (err).message}`);
  }
} else {
  // 3b. Stopped: the unpacked (and migrated) folder takes the data folder's place; the old one stays aside.
  const aside = `${dataDir}.replaced-${stamp}`;
  if (fs.existsSync(dataDir)) {
    fs.renameSync(dataDir, aside);
    // the backups are not inside a backup: they stay with the venue
    if (fs.existsSync(path.join(aside, 'backups')))
      fs.cpSync(path.join(aside, 'backups'), path.join(unpacked, 'backups'), { recursive: true });
  }
  fs.renameSync(unpacked, dataDir);
  console.log(
    `Restored ${path.basename(source)} into ${dataDir}.${fs.existsSync(aside) ? ` The data it replaced is in ${aside}.` : ''} Start Coffice with npm start.`,
  );
}
