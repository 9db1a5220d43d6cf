// The pass screen: the gzip JavaScript it needs, and a cold start with no network until
// the QR is painted — beside a plain static page with one image of the same QR, served
// from memory in the same browser (no network either).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from '@playwright/test';
import QRCode from 'qrcode';
import { buildDir } from '../scripts/lib/paths.mjs';
import { percentile, printTable, benchServer, CHROMIUM_ARGS } from './lib.mjs';

const RUNS = 9;
const ARGS = CHROMIUM_ARGS;
const PASSWORD = 'bench-password-1';

export async function benchPasses() {
  const { server, admin, dispose } = await benchServer();
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
