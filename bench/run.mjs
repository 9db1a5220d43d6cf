#!/usr/bin/env node
// `npm run bench`: every benchmark, each printing a table with its baseline measured in
// the same run on the same machine. Times are medians/percentiles of repeated runs.
// `npm run bench -- upload door-server` runs only the named ones.
import { buildApp, buildIsStale } from '../scripts/lib/build.mjs';
import { obtainPocketBase } from '../scripts/obtain-pocketbase.mjs';
import { benchFoundation } from './foundation.mjs';
import { benchProgramme } from './programme.mjs';
import { benchPasses } from './passes.mjs';
import { benchRegistration } from './registration.mjs';
import { benchDoorServer } from './door-server.mjs';
import { benchDoorClient } from './door-client.mjs';
import { benchUpload } from './upload.mjs';
import { benchLighthouse } from './lighthouse.mjs';
import { benchBackup } from './backup.mjs';
import { benchNotices } from './notices.mjs';
import { benchPeak } from './peak.mjs';
import { beginBench, endBench, writeResults } from './report.mjs';

/** @type {Record<string, () => Promise<void>>} */
const benches = {
  foundation: benchFoundation,
  programme: benchProgramme,
  passes: benchPasses,
  registration: benchRegistration,
  'door-server': benchDoorServer,
  'door-client': benchDoorClient,
  upload: benchUpload,
  lighthouse: benchLighthouse,
  backup: benchBackup,
  notices: benchNotices,
  peak: benchPeak,
};

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in benches));
if (unknown.length > 0) {
  console.error(`No benchmark named ${unknown.join(', ')}; there are: ${Object.keys(benches).join(', ')}.`);
  process.exit(1);
}
if (buildIsStale()) buildApp();
await obtainPocketBase();
for (const [name, bench] of Object.entries(benches)) {
  if (asked.length > 0 && !asked.includes(name)) continue;
  beginBench(name);
  try {
    await bench();
  } finally {
    endBench();
  }
}
// Tables and plots land in bench/RESULTS.md (the README links it), each section replaced by its own run.
writeResults(Object.keys(benches));
