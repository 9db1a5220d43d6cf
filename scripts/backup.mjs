#!/usr/bin/env node
// `npm run backup`: a consistent backup of the running venue, made by PocketBase itself while
// it serves (it holds writes for the moment it copies the database), kept in <data>/backups
// (or the S3 storage set in the admin UI) beside the scheduled daily ones.
import fs from 'node:fs';
import path from 'node:path';
import { defaultDataDir, root } from './lib/paths.mjs';
import { ask, localOperatorToken, servingAt } from './lib/local-server.mjs';
import { fail, fileStamp } from './lib/cli.mjs';

const dataDir = path.resolve(root, process.env.COFFICE_DATA ?? defaultDataDir);
const where = servingAt(dataDir);
if (!where) {
  fail(
    `Coffice is not running on ${dataDir}. Start it (npm start) and run this again — or, while it is stopped, ` +
      'a copy of the whole data folder is a full backup too.',
  );
}
// to the millisecond: two backups in one second are two files
/** A backup needs about the database's size free on the data folder's disk: say when it is not there. */
function diskNote() {
  try {
    const { bavail, bsize } = fs.statfsSync(dataDir);
    const free = bavail * bsize;
    const needed = ['data.db', 'auxiliary.db']
      .map((file) => path.join(dataDir, file))
      .filter((file) => fs.existsSync(file))
      .reduce((sum, file) => sum + fs.statSync(file).size, 0);
    if (free >= needed) return '';
    const mb = (/** @type {number} */ bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    return `\nThe disk of ${dataDir} is full: ${mb(free)} free, and a backup needs about ${mb(needed)}. Free some space (old backups in ${path.join(dataDir, 'backups')}, or S3 in the admin UI) and run this again.`;
  } catch {
    return '';
  }
}

const stamp = fileStamp({ millis: true });
const name = `coffice-${stamp}.zip`;
try {
  const token = await localOperatorToken(dataDir, where);
  const started = Date.now();
  const answer = await ask(where, 'POST', '/api/backups', { token, body: { name } });
  if (answer.status !== 204 && answer.status !== 200) {
    const detail = JSON.stringify(answer.body?.data ?? {});
    fail(
      `The backup was not made: ${answer.body?.message ?? answer.status} ${detail !== '{}' ? detail : ''}${diskNote()}\nThe live data is untouched.`,
    );
  }
  const file = path.join(dataDir, 'backups', name);
  const size = fs.existsSync(file) ? `${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB, ` : '';
  console.log(
    `Backup made: ${fs.existsSync(file) ? file : `${name} (in the backup storage set in the admin UI)`} (${size}${Date.now() - started} ms)`,
  );
} catch (err) {
  fail(`The backup was not made: ${/** @type {Error} */ (err).message}\nThe live data is untouched.`);
}
