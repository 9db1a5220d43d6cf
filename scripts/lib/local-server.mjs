// The running server of a data folder, for the venue's command-line tools (backup, restore):
// `npm start` leaves where it serves in the data folder, and the tools ask it for a short-lived
// operator token with the data folder's key (pb_hooks/lib/local-key.js).
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';

const SERVING_FILE = 'coffice-serving.json';

/** @param {string} dataDir @param {{ url: string, servername: string | null, pid: number }} where */
export function writeServing(dataDir, where) {
  fs.writeFileSync(path.join(dataDir, SERVING_FILE), JSON.stringify(where, null, 2));
}

/** @param {string} dataDir */
export function clearServing(dataDir) {
  fs.rmSync(path.join(dataDir, SERVING_FILE), { force: true });
}

/** @param {number} pid */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return /** @type {NodeJS.ErrnoException} */ (err).code === 'EPERM';
  }
}

/**
 * Where the server of this data folder answers, or null when none runs.
 * @param {string} dataDir
 * @returns {{ url: string, servername: string | null, pid: number } | null}
 */
export function servingAt(dataDir) {
  let where;
  try {
    where = JSON.parse(fs.readFileSync(path.join(dataDir, SERVING_FILE), 'utf8'));
  } catch {
    return null;
  }
  return where && typeof where.url === 'string' && Number.isInteger(where.pid) && alive(where.pid) ? where : null;
}

/**
 * A JSON request to the local server (HTTPS on a domain is asked on 127.0.0.1 with the domain's name).
 * @param {{ url: string, servername: string | null }} where
 * @param {string} method @param {string} route @param {{ token?: string, key?: string, body?: unknown, timeoutMs?: number }} [options]
 * @returns {Promise<{ status: number, body: any }>}
 */
export function ask(where, method, route, { token, key, body, timeoutMs = 600_000 } = {}) {
  const url = new URL(route, where.url);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  /** @type {Record<string, string>} */
  const headers = { accept: 'application/json' };
  if (payload !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = token;
  if (key) headers['x-coffice-local-key'] = key;
  if (where.servername) headers.host = where.servername;
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      { method, headers, timeout: timeoutMs, ...(where.servername ? { servername: where.servername } : {}) },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => {
          let parsed;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch {
            parsed = { message: text.slice(0, 200) };
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url.origin} within ${timeoutMs / 1000} s`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * A short-lived operator token from the running server.
 * @param {string} dataDir @param {{ url: string, servername: string | null }} where
 */
export async function localOperatorToken(dataDir, where) {
  let key;
  try {
    key = fs.readFileSync(path.join(dataDir, 'coffice-local.key'), 'utf8').trim();
  } catch {
    throw new Error(`Cannot read ${path.join(dataDir, 'coffice-local.key')}: run this as the user that owns the data folder.`);
  }
  const answer = await ask(where, 'POST', '/api/coffice/local-operator', { key });
  if (answer.status !== 200) throw new Error(answer.body?.message ?? `The server answered ${answer.status}.`);
  return /** @type {string} */ (answer.body.token);
}
