// Lighthouse 12.2.3 (mobile) on the programme and an event page, median of 3
// runs each, against the demo venue — and the JavaScript weights — beside the peer the
// project measures itself against: the open-source Indico check-in PWA, measured on these
// machines with the same Lighthouse (performance 59–72, accessibility 92, 234 KB gzip JS,
// entry chunk 128 KB).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { root } from '../scripts/lib/paths.mjs';
import { scriptsForScreens } from '../scripts/lib/js-weight.mjs';
import { seedDemoVenue } from '../scripts/seed/seed.mjs';
import { printTable, benchServer } from './lib.mjs';

const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** One Lighthouse run in a Chromium of its own (fresh profile). @param {string} url */
function lighthouse(url) {
  const out = path.join(os.tmpdir(), `coffice-lh-${process.pid}.json`);
  const run = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/lighthouse/cli/index.js'), url, '--form-factor=mobile', `--chrome-flags=${FLAGS.join(' ')}`,
      '--only-categories=performance,accessibility,best-practices', '--output=json', `--output-path=${out}`, '--quiet'],
    { encoding: 'utf8', env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' }, timeout: 120_000 },
  );
  if (run.status !== 0) throw new Error(`Lighthouse failed on ${url}: ${run.stderr.slice(-500)}`);
  const report = JSON.parse(fs.readFileSync(out, 'utf8'));
  return Object.fromEntries(Object.entries(report.categories).map(([id, c]) => [id, Math.round(/** @type {any} */ (c).score * 100)]));
}

export async function benchLighthouse() {
  const { server, admin, operator, dispose } = await benchServer();
  try {
    await seedDemoVenue(server.url, operator, { log: () => {} });
    const event = await admin.collection('events').getFirstListItem('status = "published" && starts > @now', { sort: 'starts' });
    // the pass screen needs a signed-in person; Lighthouse's fresh profile has none, so the
    // pass is measured by bench/passes.mjs (cold offline start → QR painted) instead
    const screens = [
      ['programme', `${server.url}/`],
      ['event page', `${server.url}/events/${event.id}`],
    ];
    const rows = [];
    for (const [name, url] of screens) {
      const runs = [lighthouse(url), lighthouse(url), lighthouse(url)];
      rows.push([`Coffice: ${name}`, ...['performance', 'accessibility', 'best-practices'].map((c) => String(median(runs.map((r) => r[c]))))]);
    }

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
