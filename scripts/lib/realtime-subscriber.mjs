// A PocketBase realtime subscriber on Node's own fetch (Node 20 has no EventSource, and the
// SDK needs one): GET /api/realtime, read the SSE stream, answer PB_CONNECT by posting the
// subscriptions with the person's token, as the SDK does. The load run (bench/peak.mjs) opens
// 150 of them; tests/integration/host-events.spec.ts one.
import { performance } from 'node:perf_hooks';

/**
 * @param {string} url the server
 * @param {{ token?: string, topics: string[], onMessage: (topic: string, data: any, at: number) => void }} options
 * @returns {Promise<{ clientId: string, close(): void, closed: Promise<void> }>} once subscribed
 */
export async function subscribe(url, { token = '', topics, onMessage }) {
  const controller = new AbortController();
  const response = await fetch(`${url}/api/realtime`, { signal: controller.signal, headers: { Accept: 'text/event-stream' } });
  if (!response.ok || !response.body) throw new Error(`realtime: ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  /** @type {(id: string) => void} */
  let connected = () => undefined;
  /** @type {(error: unknown) => void} */
  let failed = () => undefined;
  const clientIdKnown = new Promise((resolve, reject) => {
    connected = resolve;
    failed = reject;
  });
  const closed = (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const at = performance.now();
        buffer += value;
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
          if (name === 'PB_CONNECT') connected(parsed.clientId);
          else onMessage(name, parsed, at);
        }
      }
    } catch (error) {
      if (!controller.signal.aborted) failed(error);
    }
  })();
  const clientId = /** @type {string} */ (await clientIdKnown);
  const answer = await fetch(`${url}/api/realtime`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: token } : {}) },
    body: JSON.stringify({ clientId, subscriptions: topics }),
  });
  if (!answer.ok) throw new Error(`realtime subscribe: ${answer.status} ${await answer.text()}`);
  return { clientId, close: () => controller.abort(), closed };
}
