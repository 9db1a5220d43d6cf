#!/usr/bin/env node
// `npm run dev`: PocketBase (hooks watched, data in pb_data) beside the Vite dev server,
// which proxies /api to it. Open the address Vite prints.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { defaultDataDir, root } from './lib/paths.mjs';
import { freePort, portInUse, startPocketBase } from './lib/pocketbase.mjs';
import { startSmtpSink } from './lib/mail-sink.mjs';
import { obtainPocketBase } from './obtain-pocketbase.mjs';

const pbPort = Number(process.env.PB_PORT ?? 8090);
const dataDir = path.resolve(root, process.env.COFFICE_DATA ?? defaultDataDir);

try {
  await obtainPocketBase();
} catch (err) {
  console.error(`\n${/** @type {Error} */ (err).message}\n`);
  process.exit(1);
}
if (await portInUse(pbPort)) {
  console.error(`\nPort ${pbPort} is already in use: stop that program or set PB_PORT.\n`);
  process.exit(1);
}
fs.mkdirSync(dataDir, { recursive: true });

// Without a mail server configured, one-time codes and reset links are caught by a local
// SMTP sink and printed here (pb_hooks/accounts.pb.js reads these variables).
let mailSink = null;
if (!process.env.COFFICE_SMTP_HOST) {
  const port = await freePort();
  mailSink = await startSmtpSink({
    port,
    onMail: (mail) => console.log(`\n✉  to ${mail.to.join(', ')}: ${mail.subject}\n${mail.text}\n`),
  });
  process.env.COFFICE_SMTP_HOST = '127.0.0.1';
  process.env.COFFICE_SMTP_PORT = String(port);
  process.env.COFFICE_APP_URL ??= 'http://localhost:5173';
  console.log('Mail (one-time codes, password resets) is printed here.');
}
const pocketbase = await startPocketBase({ dataDir, port: pbPort, watchHooks: true, stdio: 'inherit' });
console.log(`PocketBase on ${pocketbase.url} (admin UI ${pocketbase.url}/_/). Run \`npm start\` once to add demo data.`);

const vite = spawn(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'dev'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PB_PORT: String(pbPort) },
});
const stop = () => {
  vite.kill('SIGTERM');
  void Promise.all([pocketbase.stop(), mailSink?.stop()]).then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
vite.on('exit', stop);
