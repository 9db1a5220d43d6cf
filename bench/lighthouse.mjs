// Lighthouse 12.2.3 (mobile) on the programme, an event page and a pass, median of 3
// runs each, against the demo venue — and the JavaScript weights — beside the peer the
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
import { scriptsForScreens } from '../scripts/lib/js-weight.mjs';
import { seedDemoVenue } from '../scripts/seed/seed.mjs';
import { DEMO_PASSWORD } from '../scripts/seed/demo-data.mjs';
import { printTable, benchServer } from './lib.mjs';

const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
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
    [path.join(root, 'node_modules/lighthouse/cli/index.js'), url, '--form-factor=mobile', ...browserArgs,
      '--only-categories=performance,accessibility,best-practices', '--output=json', `--output-path=${out}`, '--quiet'],
    { encoding: 'utf8', env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' }, timeout: 120_000 },
  );
  if (run.status !== 0) throw new Error(`Lighthouse failed on ${url}: ${run.error ?? run.stderr.slice(-500)}`);
  const report = JSON.parse(fs.readFileSync(out, 'utf8'));
  if (report.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${report.runtimeError.message}`);
  return Object.fromEntries(Object.entries(report.categories).map(([id, c]) => [id, Math.round(/** @type {any} */ (c).score * 100)]));
}

/** @param {Record<string, number>[]} runs */
const medians = (runs) => ['performance', 'accessibility', 'best-practices'].map((c) => String(median(runs.map((r) => r[c]))));

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

export async function benchLighthouse() {
  const { server, admin, operator, dispose } = await benchServer();
  try {
    await seedDemoVenue(server.url, operator, { log: () => {} });
    const event = await admin.collection('events').getFirstListItem('status = "published" && starts > @now', { sort: 'starts' });
    // the programme and the event page as a first-time visitor: a fresh profile per run
    const screens = [
      ['programme', `${server.url}/`],
      ['event page', `${server.url}/events/${event.id}`],
    ];
    const rows = [];
    for (const [name, url] of screens) {
      const runs = [lighthouse(url), lighthouse(url), lighthouse(url)];
      rows.push([`Coffice: ${name}`, ...medians(runs)]);
    }
    // the pass, unlike the two screens above, keeps storage between runs: the guest is
    // signed in, the passes are in IndexedDB and the service worker is installed (a pass is
    // only ever opened like that); cold-start timing is in bench/passes.mjs
    rows.push(['Coffice: pass (signed in)', ...medians(await lighthousePass(server.url))]);

    const weightBrowser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: FLAGS.slice(1) });
    const guestScreens = await scriptsForScreens(weightBrowser, server.url, [{ path: '/', ready: 'article' }]);
    const entry = fs.readdirSync(path.join(root, 'build/_app/immutable/entry'));
    await weightBrowser.close();

    console.log('\nLighthouse 12.2.3, mobile, median of 3\n');
    printTable(
      ['what', 'performance', 'accessibility', 'best practices'],
      [...rows, ['Indico check-in PWA (peer, measured here earlier)', '59–72', '92', '—']],
    );
    console.log('');
    printTable(
      ['what', 'gzip JS KB', 'note'],
      [
        ['Coffice: programme, first visit', (guestScreens.gzip / 1024).toFixed(1), `${guestScreens.files.length} files, entry files: ${entry.length}`],
        ['Indico check-in PWA (peer)', '234 (entry 128)', 'React, html5-qrcode, workbox'],
      ],
    );
    console.log('');
  } finally {
    await dispose();
  }
}
