#!/usr/bin/env node
// `npm start`: build the PWA if stale, obtain PocketBase if missing, refuse a foreign
// data folder, serve app + API on one origin, and seed the demo venue into an empty
// database. Settings: PORT (8090), HOST (127.0.0.1), COFFICE_DATA (./pb_data), PB_BIN.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildApp, buildIsStale } from './lib/build.mjs';
import { defaultDataDir, root } from './lib/paths.mjs';
import { portInUse, startPocketBase, upsertSuperuser } from './lib/pocketbase.mjs';
import { obtainPocketBase } from './obtain-pocketbase.mjs';
import { seedDemoVenue } from './seed/seed.mjs';
import { DEMO_LOGINS, DEMO_PASSWORD } from './seed/demo-data.mjs';

/** @param {string} message @returns {never} */
function fail(message) {
  console.error(`\n${message}\n`);
  process.exit(1);
}

const port = Number(process.env.PORT ?? 8090);
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`PORT must be a number from 1 to 65535 (got "${process.env.PORT}").`);
const host = process.env.HOST ?? '127.0.0.1';
const dataDir = path.resolve(root, process.env.COFFICE_DATA ?? defaultDataDir);

if (buildIsStale()) {
  try {
    buildApp();
  } catch (err) {
    fail(/** @type {Error} */ (err).message);
  }
}

try {
  await obtainPocketBase();
} catch (err) {
  fail(/** @type {Error} */ (err).message);
}

if (await portInUse(port, host)) {
  fail(`Port ${port} on ${host} is already in use (is Coffice already running?). Stop that program or choose another port, e.g. PORT=${port + 1} npm start`);
}

fs.mkdirSync(dataDir, { recursive: true });
const server = await startPocketBase({ dataDir, port, host }).catch((err) => {
  const text = /** @type {Error} */ (err).message;
  // the data folder guard's sentence, without PocketBase's log around it
  const refusal = text.split('\n').find((line) => line.includes('Refusing to start'));
  return fail(refusal ? `Coffice did not start. ${refusal.replace(/^.*?(This data folder)/, '$1')}` : text);
});
server.child.stdout?.pipe(process.stdout);
server.child.stderr?.pipe(process.stderr);

// Demo data only when the venue has nothing yet (checked without credentials first).
const publicCount = async (/** @type {string} */ c) =>
  (await (await fetch(`${server.url}/api/collections/${c}/records?perPage=1`)).json()).totalItems ?? 1;
const looksEmpty = (await publicCount('spaces')) === 0 && (await publicCount('companies')) === 0;
const operatorFile = path.join(dataDir, 'coffice-operator.json');
if (looksEmpty) {
  // upserted even when the file exists: it heals a folder where an earlier start wrote the
  // file but PocketBase refused the account (an older version's failure, unseen)
  const known = fs.existsSync(operatorFile);
  const operator = known
    ? JSON.parse(fs.readFileSync(operatorFile, 'utf8'))
    : { email: 'operator@coffice.test', password: crypto.randomBytes(12).toString('base64url') };
  try {
    upsertSuperuser(dataDir, operator.email, operator.password);
  } catch (err) {
    await server.stop('SIGTERM');
    fail(/** @type {Error} */ (err).message);
  }
  if (!known) fs.writeFileSync(operatorFile, JSON.stringify(operator, null, 2), { mode: 0o600 });
  try {
    await seedDemoVenue(server.url, operator);
  } catch (err) {
    console.error(`Demo data could not be added: ${/** @type {Error} */ (err).message}`);
  }
}

const lines = [
  '',
  `Coffice is running at http://${host}:${port}`,
  `  data folder: ${path.relative(root, dataDir) || '.'}`,
];
if (fs.existsSync(operatorFile)) {
  lines.push('', 'Demo logins (password for all: ' + DEMO_PASSWORD + '):');
  for (const login of DEMO_LOGINS) lines.push(`  ${login.role.padEnd(7)} ${login.email.padEnd(22)} ${login.name}`);
  const operator = JSON.parse(fs.readFileSync(operatorFile, 'utf8'));
  lines.push(`  operator (admin UI http://${host}:${port}/_/) ${operator.email} / ${operator.password}`);
}
lines.push('', 'Stop with Ctrl+C.', '');
console.log(lines.join('\n'));

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => void server.stop(signal).then(() => process.exit(0)));
}
server.child.on('exit', (code) => process.exit(code ?? 0));
