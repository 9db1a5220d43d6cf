// Starting and talking to a real PocketBase process: used by `npm start`, the tests and
// the benchmarks alike, so all of them run the server the same way.
import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import { pocketbaseBinary, buildDir, hooksDir as appHooksDir, migrationsDir as appMigrationsDir } from './paths.mjs';

/**
 * The command-line flags PocketBase needs: its defaults point next to the binary.
 * @param {{ dataDir: string, publicDir?: string, watchHooks?: boolean, hooksDir?: string, migrationsDir?: string }} options
 */
export function folderFlags({
  dataDir,
  publicDir = buildDir,
  watchHooks = false,
  hooksDir = appHooksDir,
  migrationsDir = appMigrationsDir,
}) {
  return [
    `--dir=${dataDir}`,
    `--publicDir=${publicDir}`,
    `--hooksDir=${hooksDir}`,
    `--migrationsDir=${migrationsDir}`,
    `--hooksWatch=${watchHooks}`,
    '--automigrate=false',
    // a request holds a JS VM for each JS layer it is inside at once (the front middleware, a
    // route or request hook, record hooks within: a scan two, a registration three): 16 in
    // flight need up to 48; past the pool every call makes a fresh VM (docs/DECISIONS.md)
    '--hooksPool=48',
  ];
}

/** @param {number} port @returns {Promise<boolean>} whether it could be bound just now */
function canBind(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A TCP port nobody listens on right now. Picked at random below the kernel's ephemeral
 * range, so parallel test workers (and the kernel's own outgoing ports) rarely reach for the
 * same one between this check and the server binding it.
 * @returns {Promise<number>}
 */
export async function freePort() {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await canBind(port)) return port;
  }
  throw new Error('No free TCP port found between 20000 and 32000.');
}

/**
 * @param {number} port
 * @param {string} [host]
 * @returns {Promise<boolean>} whether something already listens there
 */
export function portInUse(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(true));
    server.listen(port, host, () => server.close(() => resolve(false)));
  });
}

/**
 * Creates or updates an operator account (superuser) directly in the data folder.
 * PocketBase's CLI exits 0 even when it fails, so success is read from what it prints;
 * `--` keeps a password that starts with "-" (one random password in 64) from being
 * taken for a flag.
 * @param {string} dataDir
 * @param {string} email
 * @param {string} password
 * @param {{ hooksDir?: string, migrationsDir?: string }} [folders]
 */
export function upsertSuperuser(dataDir, email, password, folders = {}) {
  const result = spawnSync(
    pocketbaseBinary,
    ['superuser', 'upsert', ...folderFlags({ dataDir, ...folders }), '--dev=false', '--', email, password],
    { encoding: 'utf8' },
  );
  if (result.status !== 0 || !/Successfully saved superuser/.test(result.stdout)) {
    const printed = `${result.stderr}\n${result.stdout}`;
    // the reason only, without the SQL log a debug build prints before it
    const reason = printed.match(/^Error: (.*)$/m)?.[1] ?? printed.trim();
    throw new Error(`Could not create the operator account: ${reason}`);
  }
}

/**
 * Resolves when our own PocketBase serves: it logged "Server started at" (when its output is
 * captured) and, given a local `url`, answers /api/health there. A server on a domain (HTTPS,
 * which nothing local can ask) is taken at its log line.
 * @param {import('node:child_process').ChildProcess} child
 * @param {() => string | null} output what the process printed, or null when not captured
 * @param {string | undefined} url
 * @param {number} [timeoutMs]
 */
export async function waitUntilServing(child, output, url, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`PocketBase stopped (exit ${child.exitCode}):\n${output() ?? ''}`);
    }
    // only our own process counts: another server on a port we lost the race for must not answer for it
    const seen = output();
    const started = seen !== null && seen.includes('Server started at');
    if (!url && started) return;
    if (url && (seen === null || started)) {
      try {
        const res = await fetch(`${url}/api/health`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`PocketBase did not ${url ? `answer at ${url}` : 'start'} within ${timeoutMs / 1000} s:\n${output() ?? ''}`);
}

/**
 * The origin browsers may call the API from: the app's public address when
 * `COFFICE_APP_URL` names one, else any (PocketBase's default, `*`).
 * @param {string | undefined} appUrl
 * @returns {string} the value of `--origins`
 */
export function corsOrigins(appUrl) {
  if (!appUrl || !appUrl.trim()) return '*';
  let url;
  try {
    url = new URL(appUrl.trim());
  } catch {
    throw new Error(`COFFICE_APP_URL must be the app's address, like https://coffice.example.se (got "${appUrl}").`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`COFFICE_APP_URL must start with https:// or http:// (got "${appUrl}").`);
  }
  return url.origin;
}

/**
 * Starts `pocketbase serve` and resolves once it answers.
 * Dev mode is always said explicitly: PocketBase switches it on by itself for a binary under
 * the system temp folder (it takes that for `go run`), and then logs every SQL statement —
 * pass codes, secrets, hashes.
 * `serve` (a `servePlan` from serve-plan.mjs) replaces `--http=host:port`: HTTPS on a domain, where
 * nothing answers locally, is ready when PocketBase says it started.
 * @param {{ dataDir: string, port?: number, host?: string, publicDir?: string, watchHooks?: boolean, dev?: boolean,
 *   stdio?: 'pipe' | 'inherit', hooksDir?: string, migrationsDir?: string, appUrl?: string,
 *   serve?: { serveArgs: string[], localUrl: string | null } }} options
 */
export async function startPocketBase({
  port = 8090,
  host = '127.0.0.1',
  dev = false,
  stdio = 'pipe',
  appUrl = process.env.COFFICE_APP_URL,
  serve = { serveArgs: [`--http=${host}:${port}`], localUrl: `http://${host}:${port}` },
  ...folders
}) {
  const args = ['serve', ...serve.serveArgs, ...folderFlags(folders), `--dev=${dev}`, `--origins=${corsOrigins(appUrl)}`];
  const child = spawn(pocketbaseBinary, args, { stdio: ['ignore', stdio, stdio] });
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const url = serve.localUrl ?? appUrl ?? '';
  await waitUntilServing(child, () => (stdio === 'pipe' || !serve.localUrl ? log : null), serve.localUrl ?? undefined);
  return {
    url,
    child,
    log: () => log,
    /** @param {NodeJS.Signals} [signal] */
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        // a killed process has no exit code, only a signal
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
      }),
  };
}
