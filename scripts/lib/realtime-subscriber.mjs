// A PocketBase realtime subscriber on node:http (Node 20 has no EventSource, and the SDK
// needs one): GET /api/realtime, read the SSE stream, answer PB_CONNECT by posting the
// subscriptions with the person's token, as the SDK does. From any loopback address
// (`localAddress`), so many phones are many clients. The load run (bench/peak.mjs) opens 150;
// tests/integration/host-events.spec.ts one.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

/**
 * @param {string} url the server
 * @param {{ token?: string, topics: string[], localAddress?: string,
 *   onMessage: (topic: string, data: any, at: number) => void, onClose?: () => void }} options
 *   `at` is performance.now() when the message's bytes arrived
 * @returns {Promise<{ clientId: string, close(): void }>} once subscribed
 */
export function subscribe(url, { token = '', topics, localAddress, onMessage, onClose }) {
  return new Promise((resolve, reject) => {
    let closing = false;
    const request = http.get(new URL('/api/realtime', url), { localAddress, headers: { Accept: 'text/event-stream' } }, (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`realtime: ${response.statusCode}`));
        response.resume();
        return;
      }
      response.setEncoding('utf8');
      let buffer = '';
      response.on('data', (chunk) => {
        const at = performance.now();
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let name = 'message';
          let data = '';
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) name = line.slice(6).trim();
            else if (line.startsWith('data:')) data += line.slice(5).trim();
          }
          const parsed = data ? JSON.parse(data) : null;
          if (name === 'PB_CONNECT') {
            const clientId = parsed.clientId;
            post(url, '/api/realtime', { clientId, subscriptions: topics }, token, localAddress).then(
              (status) =>
                status === 204 || status === 200 ? resolve({ clientId, close }) : reject(new Error(`realtime subscribe: ${status}`)),
              reject,
            );
          } else onMessage(name, parsed, at);
        }
      });
      response.on('close', () => {
        if (!closing) onClose?.();
      });
    });
    request.on('error', (error) => {
      if (!closing) reject(error);
    });
    function close() {
      closing = true;
      request.destroy();
    }
  });
}

/** @param {string} url @param {string} path @param {unknown} body @param {string} token @param {string} [localAddress] */
function post(url, path, body, token, localAddress) {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      new URL(path, url),
      {
        method: 'POST',
        localAddress,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(payload),
          ...(token ? { Authorization: token } : {}),
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode));
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}
