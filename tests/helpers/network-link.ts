// The network between a device and the server, as a real HTTP hop that tests can make fail.
// Playwright's own request routing misses some requests of a page a service worker controls
// (a registration POST slipped past `page.route` in about one run in ten), so faults that
// must happen — an answer lost after the server acted, a server out of reach — happen here,
// on the wire, where every request passes.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What happens to one request: it never reaches the server, or the server acts and its answer is lost. */
export type Fault = 'refuse' | 'lose-answer';

export interface NetworkLink {
  /** the address to open the app at, instead of the server's own */
  url: string;
  /** decides each request's fate; null lets everything through */
  fault: ((method: string, path: string) => Fault | undefined) | null;
  close(): Promise<void>;
}

export async function startNetworkLink(target: string): Promise<NetworkLink> {
  const link: NetworkLink = { url: '', fault: null, close: async () => undefined };
  const server = http.createServer((req, res) => {
    const fault = link.fault?.(req.method ?? 'GET', req.url ?? '/');
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
