// The network between a device and the server, as a real HTTP hop that tests can make fail.
// Playwright's own request routing misses some requests of a page a service worker controls
// (a registration POST slipped past `page.route` in about one run in ten), so faults that
// must happen — an answer lost after the server acted, a server out of reach — happen here,
// on the wire, where every request passes.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What happens to one request: it never reaches the server, or the server acts and its answer is lost. */
export type Fault = 'refuse' | 'lose-answer';

/** One answer kept on the wire: the server has answered, the device has not heard yet. */
export interface HeldAnswer {
  /** resolves when the server's answer has reached the link (the server read its data then) */
  answered: Promise<void>;
  /** true until `release()` sends the answer on */
  readonly holding: boolean;
  release(): void;
}

export interface NetworkLink {
  /** the address to open the app at, instead of the server's own */
  url: string;
  /** decides each request's fate; null lets everything through */
  fault: ((method: string, path: string) => Fault | undefined) | null;
  /** holds the answer to the next request that matches, until released */
  holdNext(matches: (method: string, path: string) => boolean): HeldAnswer;
  /** called for each request as it reaches the link and once its answer has gone to the device */
  onRequest: ((method: string, path: string) => void) | null;
  onAnswered: ((method: string, path: string) => void) | null;
  close(): Promise<void>;
}

export async function startNetworkLink(target: string): Promise<NetworkLink> {
  const holds: { matches: (method: string, path: string) => boolean; reached: () => void; gate: Promise<void> }[] = [];
  const link: NetworkLink = {
    url: '',
    fault: null,
    onRequest: null,
    onAnswered: null,
    close: async () => undefined,
    holdNext(matches) {
      let reached: () => void = () => {};
      let open: () => void = () => {};
      let holding = true;
      const answered = new Promise<void>((resolve) => (reached = resolve));
      const gate = new Promise<void>((resolve) => (open = resolve));
      holds.push({ matches, reached, gate });
      return {
        answered,
        get holding() {
          return holding;
        },
        release() {
          holding = false;
          open();
        },
      };
    },
  };
  const server = http.createServer((req, res) => {
    const method = req.method ?? 'GET';
    const where = req.url ?? '/';
    link.onRequest?.(method, where);
    res.on('finish', () => link.onAnswered?.(method, where));
    const holdAt = holds.findIndex((h) => h.matches(method, where));
    const hold = holdAt >= 0 ? holds.splice(holdAt, 1)[0] : null;
    const fault = link.fault?.(method, where);
    if (fault === 'refuse') {
      req.socket.destroy();
      return;
    }
    const upstream = http.request(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (answer) => {
      if (fault === 'lose-answer') {
        // the server has answered, so it has acted; the device hears nothing but a reset
        answer.resume();
        answer.on('end', () => req.socket.destroy());
        return;
      }
      if (hold) {
        // the whole answer is read from the server now, and sent on only when released
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          hold.reached();
          void hold.gate.then(() => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(Buffer.concat(chunks));
          });
        });
        return;
      }
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => req.socket.destroy());
    res.on('close', () => upstream.destroy()); // a realtime stream ends when the page goes
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  link.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  link.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return link;
}
