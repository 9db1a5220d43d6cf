// An open phone keeps one /api/realtime request alive for as long as the app is open. A
// JavaScript middleware around it holds a goja VM for the stream's whole life (2.65 MiB a
// stream when there were seven of them); the front door is one middleware that the realtime
// route replaces by id (pb_hooks/front.pb.js: it carries the id of PocketBase's own
// SkipSuccessActivityLog, which that route binds). A PocketBase upgrade that stopped the
// replacement would show here, in bytes — `npm run bench -- streams` measures the same at 150.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { settledRss } from '../../bench/lib.mjs';
import { subscribe } from '../../scripts/lib/realtime-subscriber.mjs';
import { startTestServer, type TestServer } from '../helpers/server';

const STREAMS = 200;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

it(`${STREAMS} open realtime streams cost the server well under a JavaScript VM each`, async () => {
  // warm: the first requests load the hooks' modules into the VMs
  for (let i = 0; i < 20; i += 1) await fetch(`${server.url}/api/collections/events/records?perPage=1`).then((r) => r.arrayBuffer());
  const before = await settledRss(server.pid);
  const streams = [];
  for (let i = 0; i < STREAMS; i += 1) {
    streams.push(await subscribe(server.url, { topics: ['events'], localAddress: `127.0.5.${(i % 250) + 1}`, onMessage: () => {} }));
  }
  const open = await settledRss(server.pid);
  streams.forEach((stream) => stream.close());
  // measured here: 0.04 MiB a stream; with the front middleware's id changed (so it stays
  // around the stream) 0.50–0.53 — past the pool's 48 VMs each stream makes a fresh one
  expect((open - before) / STREAMS).toBeLessThan(0.2);
}, 60_000);
