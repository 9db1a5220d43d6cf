// Lighthouse 12.2.3 (mobile) on the programme, an event page and a pass, median of 3
// runs each, with the demo venue loaded, beside an empty database measured in the same
// run as the baseline — and the JavaScript weights — beside the peer the
// project measures itself against: the open-source Indico check-in PWA, measured on these
// machines with the same Lighthouse (performance 59–72, accessibility 92, 234 KB gzip JS,
// entry chunk 128 KB).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { launch as launchChrome } from 'chrome-launcher'; // comes with lighthouse, which launches Chromium with it too
import { root } from '../scripts/lib/paths.mjs';
import { gzipSize, lazyScripts, precachedFiles, scriptsForScreens, signedInState } from '../scripts/lib/js-weight.mjs';
import { seedDemoVenue } from '../scripts/seed/seed.mjs';
import { DEMO_PASSWORD } from '../scripts/seed/demo-data.mjs';
import { printTable, benchServer } from './lib.mjs';

const FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * One Lighthouse run. Without `port`, in a Chromium of its own (fresh profile, storage
 * reset); with `port`, in the Chromium already listening there, keeping its storage.
 * @param {string} url @param {{ port?: number }} [options]
 */
function lighthouse(url, { port } = {}) {
  const out = path.join(os.tmpdir(), `coffice-lh-${process.pid}.json`);
  const browserArgs = port ? [`--port=${port}`, '--disable-storage-reset'] : [`--chrome-flags=${FLAGS.join(' ')}`];
  const run = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/lighthouse/cli/index.js'),
      url,
      '--form-factor=mobile',
      ...browserArgs,
      '--only-categories=performance,accessibility,best-practices',
      '--output=json',
      `--output-path=${out}`,
      '--quiet',
    ],
    { encoding: 'utf8', env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' }, timeout: 120_000 },
  );
  if (run.status !== 0) throw new Error(`Lighthouse failed on ${url}: ${run.error ?? run.stderr.slice(-500)}`);
  const report = JSON.parse(fs.readFileSync(out, 'utf8'));
  if (report.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${report.runtimeError.message}`);
  return {
    ...Object.fromEntries(Object.entries(report.categories).map(([id, c]) => [id, Math.round(/** @type {any} */ (c).score * 100)])),
    tbt: Math.round(report.audits['total-blocking-time'].numericValue),
    mainThread: Math.round(report.audits['mainthread-work-breakdown'].numericValue),
    script: Math.round(report.audits['bootup-time'].numericValue),
  };
}

/** @param {Record<string, number>[]} runs */
const medians = (runs) =>
  ['performance', 'tbt', 'mainThread', 'script', 'accessibility', 'best-practices'].map((c) => String(median(runs.map((r) => r[c]))));
/** @param {string} url */
const threeRuns = (url) => [lighthouse(url), lighthouse(url), lighthouse(url)];

/**
 * Lighthouse on a pass, the documented recipe for pages behind a sign-in: a Chromium we
 * launch with a profile of its own and a DevTools port; Playwright signs the demo guest in
 * over that port and waits until the app has synced the guest's passes into IndexedDB;
 * then Lighthouse attaches to the same Chromium without resetting storage.
 * @param {string} baseUrl
 */
async function lighthousePass(baseUrl) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'coffice-lh-profile-'));
  const chrome = await launchChrome({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: FLAGS,
    userDataDir: profile,
  });
  try {
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
    const page = await browser.contexts()[0].newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${baseUrl}/me`);
    await page.getByLabel('E-post').fill('guest@coffice.test');
    await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByTestId('signed-in-as').waitFor();
    // the seed gives the demo guest passes (at least the next two breakfasts); take the
    // first the device lists. Never wait for network idle: the realtime EventSource stays open
    // once the first sync is done.
    await page.goto(`${baseUrl}/passes`);
    const href = await page.getByTestId('pass-link').first().getAttribute('href');
    if (!href) throw new Error('The demo guest has no pass on the device');
    const url = new URL(href, baseUrl).href;
    await page.goto(url);
    await page.locator('[data-qr]').waitFor({ state: 'attached' });
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);
    // leave nothing of ours open: Lighthouse opens its own tab in this Chromium
    await page.close();
    await browser.close(); // over CDP this only disconnects; Chromium keeps running
    return [lighthouse(url, { port: chrome.port }), lighthouse(url, { port: chrome.port }), lighthouse(url, { port: chrome.port })];
  } finally {
    chrome.kill();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

const KB = (/** @type {number} */ bytes) => (bytes / 1024).toFixed(1);
const sumGzip = (/** @type {string[]} */ files) => files.reduce((sum, f) => sum + gzipSize(f), 0);

/** The byte budgets' rows: guest screens, the door with its fallback decoder, the precache. */
async function measureWeights(/** @type {string} */ origin, /** @type {string} */ eventId) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: FLAGS.slice(1) });
  try {
    const guest = await scriptsForScreens(
      browser,
      origin,
      [
        { path: '/', ready: 'article' },
        { path: `/events/${eventId}`, ready: 'h1' },
        {
          path: '/passes',
          ready: '[data-testid="pass-link"]',
          act: async (page) => {
            await page.getByTestId('pass-link').first().click();
            await page.locator('[data-qr]').waitFor({ state: 'attached' });
          },
        },
      ],
      { storageState: await signedInState(browser, origin, { email: 'guest@coffice.test', password: DEMO_PASSWORD }) },
    );
    const door = await scriptsForScreens(browser, origin, [{ path: '/door', ready: '[data-testid="door-choice"]' }], {
      storageState: await signedInState(browser, origin, { email: 'host@coffice.test', password: DEMO_PASSWORD }),
    });
    // headless Chromium here cannot start a camera: what starting one fetches on a device
    // without BarcodeDetector (the camera module and html5-qrcode's QR-only decoder) comes
    // from the build's manifest (tests/e2e/budgets.e2e.ts measures it with a fake camera)
    const camera = lazyScripts('src/lib/door/camera.ts').filter((f) => !door.files.includes(f));
    const precache = precachedFiles();
    return [
      ['Coffice: guest screens (programme, event, passes, a pass)', KB(guest.gzip), '60', String(guest.files.length)],
      ['Coffice: door, camera on, fallback decoder', KB(door.gzip + sumGzip(camera)), '130', `${door.files.length} + ${camera.length}`],
      ['Coffice: everything the service worker precaches', KB(sumGzip(precache)), '400', String(precache.length)],
    ];
  } finally {
    await browser.close();
  }
}

/**
 * The baseline, measured in the same run: the programme of an empty database, then an
 * event page with that one event in it (the figures before a real venue's data).
 */
async function emptyVenue() {
  const { server, admin, dispose } = await benchServer();
  try {
    const programme = ['programme', 'empty database (baseline)', ...medians(threeRuns(`${server.url}/`))];
    const hall = await admin.collection('spaces').create({ name: 'Eventytan', kind: 'event_area', capacity: 60 });
    const event = await admin.collection('events').create({
      title: 'Frukostmöte',
      kind: 'breakfast',
      space: hall.id,
      status: 'published',
      capacity: 40,
      starts: new Date(Date.now() + 86_400_000).toISOString(),
      ends: new Date(Date.now() + 90_000_000).toISOString(),
    });
    return [programme, ['event page', 'only this event (baseline)', ...medians(threeRuns(`${server.url}/events/${event.id}`))]];
  } finally {
    await dispose();
  }
}

export async function benchLighthouse() {
  const baseline = await emptyVenue();
  const { server, admin, operator, dispose } = await benchServer();
  try {
    await seedDemoVenue(server.url, operator, { log: () => {} });
    const event = await admin.collection('events').getFirstListItem('status = "published" && starts > @now', { sort: 'starts' });
    const { totalItems } = await admin.collection('events').getList(1, 1, { filter: 'status = "published"' });
    const demo = `demo venue (${totalItems} events)`;
    // the programme and the event page as a first-time visitor: a fresh profile per run
    const rows = [
      baseline[0],
      ['programme', demo, ...medians(threeRuns(`${server.url}/`))],
      baseline[1],
      ['event page', demo, ...medians(threeRuns(`${server.url}/events/${event.id}`))],
      // the pass, unlike the two screens above, keeps storage between runs: the guest is
      // signed in, the passes are in IndexedDB and the service worker is installed (a pass is
      // only ever opened like that); cold-start timing is in bench/passes.mjs
      ['pass (signed in)', demo, ...medians(await lighthousePass(server.url))],
    ];

    const weights = await measureWeights(server.url, event.id);

    console.log('\nLighthouse 12.2.3, mobile, first visit, median of 3 (TBT: total blocking time; main thread and script in ms)\n');
    printTable(
      ['screen', 'data', 'performance', 'TBT', 'main thread', 'script', 'accessibility', 'best practices'],
      [...rows, ['Indico check-in PWA (peer, measured here earlier)', '—', '59–72', '—', '—', '—', '92', '—']],
    );
    console.log('\nJavaScript a first visit downloads (gzip), against the budgets of issue #7\n');
    printTable(
      ['what', 'gzip KB', 'budget KB', 'files'],
      [...weights, ['Indico check-in PWA (peer): all its JS', '234 (entry 128)', '—', 'React, html5-qrcode, workbox']],
    );
    console.log('');
  } finally {
    await dispose();
  }
}
