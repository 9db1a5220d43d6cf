// Server memory for open realtime streams (issue #17): every phone holding the programme open
// keeps one /api/realtime request alive for as long as the app is open. Measured: the server's
// resident memory at rest, with 150 idle keep-alive connections (the baseline: the same number
// of clients that are not streaming), and with 150 realtime streams subscribed to the programme;
// the cost of one stream is the difference over 150. Loopback only, one address per phone.
import { subscribe } from '../scripts/lib/realtime-subscriber.mjs';
import { benchServer, loopbackClient, printTable, settledRss } from './lib.mjs';

const PHONES = 150;

export async function benchStreams() {
  const { server, dispose } = await benchServer();
  const pid = /** @type {number} */ (server.child.pid);
  try {
    // warm: the first requests load the hooks' modules
    const warm = await loopbackClient(server.url, '127.0.2.1');
    for (let i = 0; i < 20; i += 1) await warm.request('GET', '/api/collections/events/records?perPage=1');
    warm.close();
    const rest = await settledRss(pid);

    const clients = await Promise.all(Array.from({ length: PHONES }, (_, i) => loopbackClient(server.url, `127.0.3.${(i % 250) + 1}`)));
    await Promise.all(clients.map((client) => client.request('GET', '/api/collections/events/records?perPage=1')));
    const idle = await settledRss(pid);
    clients.forEach((client) => client.close());

    const streams = [];
    for (let i = 0; i < PHONES; i += 1) {
      streams.push(await subscribe(server.url, { topics: ['events'], localAddress: `127.0.4.${(i % 250) + 1}`, onMessage: () => {} }));
    }
    const open = await settledRss(pid);
    streams.forEach((stream) => stream.close());
    const closed = await settledRss(pid);

    printTable(
      ['server memory', 'RSS MiB', 'per client MiB'],
      [
        ['at rest', rest.toFixed(1), ''],
        [`${PHONES} clients asking at once, then idle (baseline)`, idle.toFixed(1), ((idle - rest) / PHONES).toFixed(2)],
        [`${PHONES} open realtime streams`, open.toFixed(1), ((open - rest) / PHONES).toFixed(2)],
        ['after the streams closed', closed.toFixed(1), ''],
      ],
    );
  } finally {
    await dispose();
  }
}
