#!/usr/bin/env node
// `npm run bench`: every benchmark, each printing a table with its baseline measured in
// the same run on the same machine. Times are medians/percentiles of repeated runs.
import { buildApp, buildIsStale } from '../scripts/lib/build.mjs';
import { obtainPocketBase } from '../scripts/obtain-pocketbase.mjs';
import { benchFoundation } from './foundation.mjs';
import { benchProgramme } from './programme.mjs';
import { benchPasses } from './passes.mjs';
import { benchRegistration } from './registration.mjs';
import { benchDoorServer } from './door-server.mjs';
import { benchDoorClient } from './door-client.mjs';
import { benchLighthouse } from './lighthouse.mjs';

if (buildIsStale()) buildApp();
await obtainPocketBase();
await benchFoundation();
await benchProgramme();
await benchPasses();
await benchRegistration();
await benchDoorServer();
await benchDoorClient();
await benchLighthouse();
