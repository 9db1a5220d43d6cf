// Insights on a long history (issue #17): GET /api/coffice/insights for a week, a month and a
// year, on generated venues of three sizes up to 100,000 people, 10,000 events and 1,000,000
// check-ins over five years (bench/hooks/generate.pb.js, plain SQL), each beside PocketBase
// counting the same period's check-ins through its records API, in the same run on the same
// server. The answer should grow with the period asked for, not with the whole history.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { dayOf, shiftDay } from '../scripts/lib/venue-clock.mjs';
import { generatorServer, percentile, printTable } from './lib.mjs';
import { recordPlot } from './report.mjs';

const FULL = { people: 100_000, events: 10_000, checkins: 1_000_000 };
const SIZES = [0.01, 0.1, 1];
const PERIODS = [
  { name: 'a week', days: 7 },
  { name: 'a month', days: 31 },
  { name: 'a year', days: 365 },
];
const RUNS = 7;

/** POSTs to the generator and waits as long as it takes. @param {string} url @param {string} token @param {object} body */
function generate(url, token, body) {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${url}/api/bench/generate`,
      {
        method: 'POST',
        headers: { Authorization: token, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () =>
          response.statusCode === 200 ? resolve(text) : reject(new Error(`generate: ${response.statusCode} ${text}`)),
        );
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

/** A generated venue of `share` of FULL; what each period costs there. @param {number} share */
async function venue(share) {
  const { server, pb, dispose } = await generatorServer('insights');
  try {
    const size = {
      people: Math.round(FULL.people * share),
      events: Math.round(FULL.events * share),
      checkins: Math.round(FULL.checkins * share),
    };
    const filling = performance.now();
    // one request without a client timeout: a million rows take minutes, longer than fetch waits
    // in parts: people and events first, then at most 200,000 check-ins a request (the server
    // closes a request that writes for more than a few minutes)
    const PART = 200_000;
    await generate(server.url, pb.authStore.token, { people: size.people, events: size.events, checkins: 0, years: 5 });
    for (let part = 1; (part - 1) * PART < size.checkins; part++) {
      const checkins = Math.min(PART, size.checkins - (part - 1) * PART);
      await generate(server.url, pb.authStore.token, { people: 0, events: 0, checkins, years: 5, part });
    }
    const filled = performance.now() - filling;
    const headers = { Authorization: pb.authStore.token };
    const to = dayOf(Date.now());
    const rows = [];
    for (const period of PERIODS) {
      const from = shiftDay(to, -(period.days - 1));
      const insights = async () => {
        const started = performance.now();
        const response = await fetch(`${server.url}/api/coffice/insights?from=${from}&to=${to}`, { headers });
        if (!response.ok) throw new Error(`insights: ${response.status} ${await response.text()}`);
        const body = await response.json();
        return { ms: performance.now() - started, visits: body.visits };
      };
      // the baseline: PocketBase counting the period's check-ins (one COUNT over the scanned_at index)
      const filter = encodeURIComponent(`scanned_at >= "${from} 00:00:00.000Z" && scanned_at < "${shiftDay(to, 1)} 00:00:00.000Z"`);
      const count = async () => {
        const started = performance.now();
        const response = await fetch(`${server.url}/api/collections/checkins/records?perPage=1&filter=${filter}`, { headers });
        if (!response.ok) throw new Error(`count: ${response.status} ${await response.text()}`);
        const body = await response.json();
        return { ms: performance.now() - started, checkins: body.totalItems };
      };
      await insights();
      await count();
      const mine = [];
      const base = [];
      let checkins = 0;
      let visits = 0;
      for (let i = 0; i < RUNS; i++) {
        const a = await insights();
        const b = await count();
        mine.push(a.ms);
        base.push(b.ms);
        checkins = b.checkins;
        visits = a.visits;
      }
      rows.push({ period: period.name, days: period.days, ms: percentile(mine, 50), base: percentile(base, 50), checkins, visits });
    }
    return { size, filled, rows };
  } finally {
    await dispose();
  }
}

export async function benchInsights() {
  const venues = [];
  for (const share of SIZES) venues.push(await venue(share));
  const n = (/** @type {number} */ v) => v.toLocaleString('en');
  console.log(`\nInsights on generated history over five years (median of ${RUNS} answers; baseline in turns on the same server)\n`);
  printTable(
    [
      'history (people / events / check-ins)',
      'period asked',
      'check-ins in it',
      'insights ms',
      'count of its check-ins ms (baseline)',
      'ratio',
    ],
    venues.flatMap((v) =>
      v.rows.map((r) => [
        `${n(v.size.people)} / ${n(v.size.events)} / ${n(v.size.checkins)}`,
        r.period,
        n(r.checkins),
        r.ms,
        r.base,
        `${(r.ms / r.base).toFixed(1)}×`,
      ]),
    ),
  );
  console.log(`\nGenerating the histories took ${venues.map((v) => `${(v.filled / 1000).toFixed(0)} s`).join(', ')}.`);
  recordPlot({
    id: 'insights-history',
    title: 'Insights: time against the whole history, per period asked',
    xLabel: 'check-ins in the whole history',
    yLabel: 'ms (median)',
    logX: true,
    series: [
      ...PERIODS.map((p) => ({
        name: `insights, ${p.name}`,
        points: venues.map((v) => /** @type {[number, number]} */ ([v.size.checkins, v.rows.find((r) => r.period === p.name)?.ms ?? 0])),
      })),
      {
        name: 'count of a year’s check-ins (baseline)',
        points: venues.map((v) => /** @type {[number, number]} */ ([v.size.checkins, v.rows.find((r) => r.days === 365)?.base ?? 0])),
      },
    ],
  });
}
