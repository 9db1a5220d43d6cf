#!/usr/bin/env node
// `npm start`: build the PWA if stale, obtain PocketBase if missing, refuse a foreign
// data folder, serve app + API on one origin, and seed the demo venue into an empty
// database (or finish one an earlier start left half made). Without COFFICE_SMTP_HOST, mail
// is caught and printed. Settings: PORT (8090), HOST (127.0.0.1), COFFICE_DATA (./pb_data), PB_BIN;
// COFFICE_DOMAIN serves HTTPS on 443 with automatic certificates (serve-plan.mjs), for a real venue:
// no demo data then.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildApp, buildIsStale } from './lib/build.mjs';
import { defaultDataDir, pocketbaseBinary, root } from './lib/paths.mjs';
import { freePort, portInUse, startPocketBase, upsertSuperuser } from './lib/pocketbase.mjs';
import { obtainPocketBase } from './obtain-pocketbase.mjs';
import { servePlan, ServeConfigError } from './lib/serve-plan.mjs';
import { readSeedMark, seedDemoVenue, writeSeedMark } from './seed/seed.mjs';
import { startSmtpSink } from './lib/mail-sink.mjs';
import { clearServing, writeServing } from './lib/local-server.mjs';
import { DEMO_LOGINS, DEMO_PASSWORD } from './seed/demo-data.mjs';
import { fail } from './lib/cli.mjs';

/** @type {import('./lib/serve-plan.mjs').ServePlan} */
let plan;
try {
  plan = servePlan(process.env);
} catch (err) {
  if (!(err instanceof ServeConfigError)) throw err;
  fail(err.message);
}
const { host, port } = plan;
for (const warning of plan.warnings) console.warn(`\n⚠ ${warning}`);
// the hooks build links (password reset, passes) from it, and CORS allows only it
if (plan.https) process.env.COFFICE_APP_URL = plan.appUrl;
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

if (!plan.https && (await portInUse(port, host))) {
  fail(
    `Port ${port} on ${host} is already in use (is Coffice already running?). Stop that program or choose another port, e.g. PORT=${port + 1} npm start`,
  );
}

fs.mkdirSync(dataDir, { recursive: true });

// Without a mail server, one-time codes and reset links are caught here and printed (as in
// `npm run dev`): PocketBase would otherwise try `sendmail`, fail, and drop the code.
let mailSink = null;
// (a real venue on its domain sends as set in the admin UI instead: codes never go to its log)
if (!process.env.COFFICE_SMTP_HOST && !plan.https) {
  const sinkPort = await freePort();
  mailSink = await startSmtpSink({
    port: sinkPort,
    onMail: (mail) => console.log(`\n✉  Mail to ${mail.to.join(', ')}: ${mail.subject}\n${mail.text.trim()}\n`),
  });
  process.env.COFFICE_SMTP_HOST = '127.0.0.1';
  process.env.COFFICE_SMTP_PORT = String(sinkPort);
}
const server = await startPocketBase({ dataDir, port, host, serve: plan, appUrl: process.env.COFFICE_APP_URL }).catch((err) => {
  const text = /** @type {Error} */ (err).message;
  // the data folder guard's sentence, without PocketBase's log around it
  const refusal = text.split('\n').find((line) => line.includes('Refusing to start'));
  return fail(refusal ? `Coffice did not start. ${refusal.replace(/^.*?(This data folder)/, '$1')}` : text);
});
// where it serves, for `npm run backup` and `npm run restore` (removed when it stops)
writeServing(dataDir, {
  url: plan.localUrl ?? 'https://127.0.0.1:443',
  servername: plan.https ? plan.domain : null,
  pid: /** @type {number} */ (server.child.pid),
});
server.child.once('exit', () => clearServing(dataDir));
server.child.stdout?.pipe(process.stdout);
server.child.stderr?.pipe(process.stderr);
// stopped at any point from here (Ctrl+C while the demo venue is made too), PocketBase stops
// with it instead of running on without anyone to stop it; an unfinished venue is finished next time
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => void Promise.all([server.stop(signal), mailSink?.stop()]).then(() => process.exit(0)));
}

// Demo data only when the venue has nothing yet (checked without credentials first).
const publicCount = async (/** @type {string} */ c) =>
  (await (await fetch(`${server.url}/api/collections/${c}/records?perPage=1`)).json()).totalItems ?? 1;
// served on a domain it is a real venue: no demo data (nor can anything local ask it)
const looksEmpty = !plan.https && (await publicCount('spaces')) === 0 && (await publicCount('companies')) === 0;
const operatorFile = path.join(dataDir, 'coffice-operator.json');
// a demo venue an earlier start began and did not finish (stopped, or refused under load)
const seedMark = readSeedMark(dataDir);
const unfinished = !plan.https && seedMark !== null && !seedMark.finished;
let seedProblem = '';
if (looksEmpty || unfinished) {
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
  const now = unfinished ? seedMark.now : new Date().toISOString();
  if (!unfinished) writeSeedMark(dataDir, { now, finished: false });
  try {
    await seedDemoVenue(server.url, operator, { now: new Date(now), resume: unfinished });
    writeSeedMark(dataDir, { now, finished: true });
  } catch (err) {
    seedProblem = /** @type {Error} */ (err).message;
    console.error(`Demo data could not be finished: ${seedProblem}`);
  }
}

const lines = [
  '',
  `Coffice is running at ${plan.https ? plan.appUrl : `http://${host}:${port}`}`,
  `  data folder: ${path.relative(root, dataDir) || '.'}`,
];
if (fs.existsSync(operatorFile)) {
  lines.push('', 'Demo logins (password for all: ' + DEMO_PASSWORD + '):');
  for (const login of DEMO_LOGINS) lines.push(`  ${login.role.padEnd(7)} ${login.email.padEnd(22)} ${login.name}`);
  const operator = JSON.parse(fs.readFileSync(operatorFile, 'utf8'));
  lines.push(`  operator (admin UI ${plan.https ? plan.appUrl : `http://${host}:${port}`}/_/) ${operator.email} / ${operator.password}`);
}
if (plan.https && !fs.existsSync(operatorFile)) {
  const bin = path.relative(root, pocketbaseBinary);
  lines.push(
    '',
    `Admin UI: ${plan.appUrl}/_/ — create its operator once with`,
    `  ${bin} superuser upsert --dir=${dataDir} -- EMAIL PASSWORD`,
  );
}
if (seedProblem) {
  lines.push(
    '',
    `⚠ The demo venue is only partly made (${seedProblem}).`,
    '  Start again (npm start) to finish it: nothing is added twice.',
  );
}
lines.push(
  '',
  mailSink
    ? 'Mail (one-time codes, password resets) is printed here: no mail server is set (COFFICE_SMTP_HOST).'
    : process.env.COFFICE_SMTP_HOST
      ? `Mail goes out through ${process.env.COFFICE_SMTP_HOST}.`
      : 'Mail goes out as set in the admin UI (Settings → Mail settings).',
);
lines.push('', 'Stop with Ctrl+C.', '');
console.log(lines.join('\n'));
server.child.on('exit', (code) => process.exit(code ?? 0));
