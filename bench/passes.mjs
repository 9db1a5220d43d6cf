// The passes answer: what a person's passes cost the server, beside a plain list of records of
// the same size (same fields and bytes, same rule, no hooks) in the same run, for 1 to 40
// passes (issue #17: 19 passes took 1.4 s while QR modules were drawn on every request).
// The pass screen: the gzip JavaScript it needs, and a cold start with no network until
// the QR is painted — beside a plain static page with one image of the same QR, served
// from memory in the same browser (no network either).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from '@playwright/test';
import QRCode from 'qrcode';
import { buildDir } from '../scripts/lib/paths.mjs';
import { performance } from 'node:perf_hooks';
import PocketBase from 'pocketbase';
import { percentile, printTable, benchServer, CHROMIUM_ARGS } from './lib.mjs';
import { recordPlot } from './report.mjs';

const RUNS = 9;
const ARGS = CHROMIUM_ARGS;
const PASSWORD = 'bench-password-1';

const SIZES = [1, 5, 10, 19, 40];
const ANSWERS = 60;

/** The passes answer against a plain records list, by number of passes. */
export async function passesAnswer(/** @type {{ url: string }} */ server, /** @type {PocketBase} */ admin) {
  admin.autoCancellation(false);
  const events = [];
  for (let i = 0; i < Math.max(...SIZES); i++) {
    const starts = Date.now() + (i + 1) * 86400_000;
    events.push(
      await admin.collection('events').create({
        title: `Frukostmöte ${i + 1}`,
        kind: 'breakfast',
        starts: new Date(starts).toISOString(),
        ends: new Date(starts + 5400_000).toISOString(),
        capacity: 0,
        status: 'published',
      }),
    );
  }
  // the baseline: the same records in a plain collection with the same read rule and no hooks
  await admin.collections.create({
    name: 'bench_plain_passes',
    type: 'base',
    listRule: 'holder = @request.auth.id',
    fields: ['holder', 'kind', 'registration', 'code', 'qr']
      .map((name) => ({ name, type: 'text', max: 20000 }))
      .concat([
        { name: 'revoked', type: 'bool' },
        { name: 'created', type: 'autodate', onCreate: true },
        { name: 'updated', type: 'autodate', onCreate: true, onUpdate: true },
      ]),
  });
  const rows = [];
  for (const size of SIZES) {
    const email = `passes-${size}@bench.test`;
    const guest = await admin
      .collection('users')
      .create({ email, name: `Guest ${size}`, role: 'guest', password: PASSWORD, passwordConfirm: PASSWORD });
    for (const event of events.slice(0, size)) await admin.collection('registrations').create({ event: event.id, user: guest.id });
    const held = await admin.collection('passes').getFullList({ filter: `holder = "${guest.id}"` });
    if (held.length !== size) throw new Error(`expected ${size} passes, found ${held.length}`);
    for (const pass of held) {
      const { holder, kind, registration, code, qr, revoked } = pass;
      await admin.collection('bench_plain_passes').create({ holder, kind, registration, code, qr, revoked });
    }
    const person = new PocketBase(server.url);
    await person.collection('users').authWithPassword(email, PASSWORD);
    const headers = { Authorization: person.authStore.token };
    const filter = encodeURIComponent(`holder = "${guest.id}"`);
    /** @param {string} collection */
    const answer = async (collection) => {
      const started = performance.now();
      const response = await fetch(`${server.url}/api/collections/${collection}/records?perPage=500&skipTotal=1&filter=${filter}`, {
        headers,
      });
      const body = await response.text();
      if (!response.ok) throw new Error(`${collection}: ${response.status} ${body}`);
      return { ms: performance.now() - started, bytes: body.length };
    };
    const passes = [];
    const plain = [];
    let bytes = { passes: 0, plain: 0 };
    for (let i = 0; i < 10; i++) await Promise.all([answer('passes'), answer('bench_plain_passes')]);
    for (let i = 0; i < ANSWERS; i++) {
      // in turns, so both meet the same moments of a shared machine
      const first = i % 2 ? 'passes' : 'bench_plain_passes';
      const one = await answer(first);
      const other = await answer(first === 'passes' ? 'bench_plain_passes' : 'passes');
      const [mine, base] = first === 'passes' ? [one, other] : [other, one];
      passes.push(mine.ms);
      plain.push(base.ms);
      bytes = { passes: mine.bytes, plain: base.bytes };
    }
    rows.push({
      size,
      passes: percentile(passes, 50),
      passes90: percentile(passes, 90),
      plain: percentile(plain, 50),
      plain90: percentile(plain, 90),
      bytes,
    });
  }
  console.log(`\nThe passes answer (one person's passes, median and p90 of ${ANSWERS} answers each, in turns with the baseline)\n`);
  printTable(
    ['passes', 'passes answer p50 ms', 'p90 ms', 'plain list p50 ms (baseline)', 'p90 ms', 'ratio', 'bytes (passes / plain)'],
    rows.map((r) => [
      String(r.size),
      r.passes,
      r.passes90,
      r.plain,
      r.plain90,
      `${(r.passes / r.plain).toFixed(2)}×`,
      `${r.bytes.passes} / ${r.bytes.plain}`,
    ]),
  );
  recordPlot({
    id: 'passes-answer',
    title: 'The passes answer against a plain records list',
    xLabel: 'passes of the person',
    yLabel: 'ms (median)',
    series: [
      { name: 'passes answer', points: rows.map((r) => [r.size, r.passes]) },
      { name: 'plain records list (baseline)', points: rows.map((r) => [r.size, r.plain]) },
    ],
  });
}

export async function benchPasses() {
  const { server, admin, dispose } = await benchServer();
  await passesAnswer(server, admin);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  try {
    const member = await admin
      .collection('users')
      .create({ email: 'bench@coffice.test', name: 'Bench Member', role: 'member', password: PASSWORD, passwordConfirm: PASSWORD });
    const [pass] = await admin.collection('passes').getFullList({ filter: `holder = "${member.id}"` });

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/me`);
    await page.getByLabel('E-post').fill('bench@coffice.test');
    await page.getByLabel('Lösenord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByTestId('signed-in-as').waitFor();
    await page.goto(`${server.url}/passes/${pass.id}`);
    await page.waitForSelector('[data-qr]');
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);

    // JavaScript the pass screen needs, from a first visit without a service worker
    const fresh = await browser.newContext({ serviceWorkers: 'block' });
    const first = await fresh.newPage();
    await first.goto(`${server.url}/passes/${pass.id}`);
    await first.waitForLoadState('networkidle');
    const scripts = await first.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname)
        .filter((p) => p.endsWith('.js')),
    );
    await fresh.close();
    const gzipJs = scripts.reduce((sum, p) => sum + zlib.gzipSync(fs.readFileSync(path.join(buildDir, p))).length, 0);

    // Cold start offline: a new tab straight on the pass
    await page.close();
    await context.setOffline(true);
    const app = [];
    for (let i = 0; i < RUNS; i++) {
      const tab = await context.newPage();
      await tab.goto(`${server.url}/passes/${pass.id}`);
      await tab.waitForFunction(() => performance.getEntriesByName('coffice:qr-painted').length > 0);
      app.push(await tab.evaluate(() => performance.getEntriesByName('coffice:qr-painted')[0].startTime));
      await tab.close();
    }

    // Baseline: a plain page with one image of the same QR, from memory
    const png = await QRCode.toBuffer(pass.code, { errorCorrectionLevel: 'M', margin: 4, scale: 12 });
    const html =
      '<!doctype html><html><head><meta name="viewport" content="width=device-width"></head><body><img src="/plain-qr.png" alt="QR"></body></html>';
    const plainContext = await browser.newContext();
    await plainContext.route('**/plain.html', (route) => route.fulfill({ contentType: 'text/html', body: html }));
    await plainContext.route('**/plain-qr.png', (route) => route.fulfill({ contentType: 'image/png', body: png }));
    const plain = [];
    for (let i = 0; i < RUNS; i++) {
      const tab = await plainContext.newPage();
      await tab.goto(`${server.url}/plain.html`, { waitUntil: 'load' });
      plain.push(await tab.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventStart));
      await tab.close();
    }

    console.log(`\nThe pass screen (Chromium, median of ${RUNS} cold starts)\n`);
    printTable(
      ['what', 'median ms', 'max ms', 'gzip bytes', 'note'],
      [
        ['offline cold start → QR painted (app)', percentile(app, 50), Math.max(...app), String(gzipJs), `${scripts.length} JS files`],
        [
          'plain page with one QR image, loaded (baseline)',
          percentile(plain, 50),
          Math.max(...plain),
          String(png.length),
          'served from memory',
        ],
      ],
    );
    console.log('');
  } finally {
    await browser.close();
    await dispose();
  }
}
