// Server memory for open realtime streams (issue #17): every phone holding the programme open
// keeps one /api/realtime request alive for as long as the app is open. Measured: the server's
// resident memory at rest, with 150 idle keep-alive connections (the baseline: the same number
// of clients that are not streaming), and with 150 realtime streams subscribed to the programme;
// the cost of one stream is the difference over 150. Then the door's scan route with those 150
// streams open, beside the same scans with none, in turns: a scan asks who follows "here
// today", and asking every open stream once cost a quarter of its rate; and with 20 of the
// phones members following "here today", where every scan (members shown there, in and out in
// turn) tells them. Loopback only, one address per phone.
import { subscribe } from '../scripts/lib/realtime-subscriber.mjs';
import { benchServer, createPeople, loopbackClient, percentile, printTable, settledRss, underLoad } from './lib.mjs';

const PHONES = 150;
const MEMBERS = 40;
const SCANS = 1000;
const IN_FLIGHT = 8;
const TURNS = 3;
const WATCHERS = 20;
/** The record the server saves when "here today" changed (pb_hooks/lib/community.js). */
const HERE = 'here_signals/heretodaysignal';

/**
 * PHONES realtime streams following the programme, one loopback address each; the first of
 * them signed in as the members of `watchers` (tokens) and following "here today" too.
 * @param {string} url @param {string[]} [watchers]
 */
async function openPhones(url, watchers = []) {
  const streams = [];
  for (let i = 0; i < PHONES; i += 1) {
    const token = watchers[i] ?? '';
    const topics = token ? ['events', HERE] : ['events'];
    streams.push(await subscribe(url, { token, topics, localAddress: `127.0.4.${(i % 250) + 1}`, onMessage: () => {} }));
  }
  return streams;
}

export async function benchStreams() {
  const { server, admin, dispose } = await benchServer();
  const pid = /** @type {number} */ (server.child.pid);
  try {
    const members = await createPeople(admin, 'member', MEMBERS);
    for (const member of members) await admin.collection('users').update(member.id, { show_presence: true });
    const watchers = [];
    for (const member of members.slice(0, WATCHERS))
      watchers.push((await admin.collection('users').impersonate(member.id, 3600)).authStore.token);
    const codes = (await admin.collection('passes').getFullList({ filter: 'kind = "member"' })).map((p) => p.code);
    const headers = { Authorization: admin.authStore.token, 'Content-Type': 'application/json' };
    let scanned = 0;
    /** Scans per second, IN_FLIGHT at a time: members in, then out, in turn at the front door. */
    const scanRate = async (/** @type {number} */ count) => {
      const first = scanned;
      scanned += count;
      return (
        await underLoad(
          count,
          (i) => {
            const n = first + i;
            const direction = Math.floor(n / codes.length) % 2 === 0 ? 'in' : 'out';
            return fetch(`${server.url}/api/coffice/scan`, {
              method: 'POST',
              headers,
              body: JSON.stringify({ code: codes[n % codes.length], direction, device: 'bench-streams' }),
            });
          },
          IN_FLIGHT,
        )
      ).perSecond;
    };

    // warm: the first requests load the hooks' modules
    const warm = await loopbackClient(server.url, '127.0.2.1');
    for (let i = 0; i < 20; i += 1) await warm.request('GET', '/api/collections/events/records?perPage=1');
    warm.close();
    const rest = await settledRss(pid);

    const clients = await Promise.all(Array.from({ length: PHONES }, (_, i) => loopbackClient(server.url, `127.0.3.${(i % 250) + 1}`)));
    await Promise.all(clients.map((client) => client.request('GET', '/api/collections/events/records?perPage=1')));
    const idle = await settledRss(pid);
    clients.forEach((client) => client.close());

    let streams = await openPhones(server.url);
    const open = await settledRss(pid);
    streams.forEach((stream) => stream.close());
    const closed = await settledRss(pid);

    // scans in turns: without streams, with the 150 open, and with WATCHERS of them on "here today"
    await scanRate(200);
    const without = [];
    const withStreams = [];
    const withWatchers = [];
    for (let turn = 0; turn < TURNS; turn += 1) {
      without.push(await scanRate(SCANS));
      streams = await openPhones(server.url);
      withStreams.push(await scanRate(SCANS));
      streams.forEach((stream) => stream.close());
      streams = await openPhones(server.url, watchers);
      withWatchers.push(await scanRate(SCANS));
      streams.forEach((stream) => stream.close());
    }
    const median = (/** @type {number[]} */ rates) => percentile(rates, 50);
    /** A table row: the median rate and its ratio to the turns without streams. @param {string} what @param {number[]} rates */
    const row = (what, rates) => [
      what,
      median(rates).toFixed(0),
      rates === without ? '1×' : `${(median(rates) / median(without)).toFixed(2)}×`,
    ];

    printTable(
      ['server memory', 'RSS MiB', 'per client MiB'],
      [
        ['at rest', rest.toFixed(1), ''],
        [`${PHONES} clients asking at once, then idle (baseline)`, idle.toFixed(1), ((idle - rest) / PHONES).toFixed(2)],
        [`${PHONES} open realtime streams`, open.toFixed(1), ((open - rest) / PHONES).toFixed(2)],
        ['after the streams closed', closed.toFixed(1), ''],
      ],
    );
    console.log('');
    printTable(
      [`door scans, ${IN_FLIGHT} in flight`, `per second (median of ${TURNS} turns)`, 'ratio to baseline'],
      [
        row('no realtime streams open (baseline)', without),
        row(`${PHONES} realtime streams open`, withStreams),
        row(`${PHONES} open, ${WATCHERS} of them members on "here today" (each scan tells them)`, withWatchers),
      ],
    );
  } finally {
    await dispose();
  }
}
