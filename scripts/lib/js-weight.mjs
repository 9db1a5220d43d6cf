// How much JavaScript (gzip) screens of the built app make a browser download: the union
// of the script files a fresh visit (no service worker, nothing cached) fetches.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { buildDir } from './paths.mjs';

/** @param {string} file a path below build/ @returns {number} gzip bytes */
export function gzipSize(file) {
  return zlib.gzipSync(fs.readFileSync(path.join(buildDir, file)), { level: 9 }).length;
}

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {string} origin
 * @param {{ path: string, ready: string, act?: (page: import('@playwright/test').Page) => Promise<void> }[]} screens
 *   `ready`: a selector shown when the screen is done; `act`: what to do there (e.g. start the camera)
 * @param {{ storageState?: any }} [options] a signed-in state to start from
 * @returns {Promise<{ files: string[], gzip: number, fetchedByAct: string[] }>} `fetchedByAct`: the
 *   files first fetched while a screen's `act` ran (e.g. what starting the camera loads)
 */
export async function scriptsForScreens(browser, origin, screens, options = {}) {
  const context = await browser.newContext({ serviceWorkers: 'block', storageState: options.storageState });
  const files = new Set();
  const fetchedByAct = new Set();
  let acting = false;
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin || !url.pathname.endsWith('.js')) return;
    const file = url.pathname.slice(1);
    if (acting && !files.has(file)) fetchedByAct.add(file);
    files.add(file);
  });
  const page = await context.newPage();
  for (const screen of screens) {
    await page.goto(`${origin}${screen.path}`);
    await page.locator(screen.ready).first().waitFor();
    if (screen.act) {
      // what the screen had fetched before acting is in; wait for it so none is counted twice
      await page.waitForLoadState('networkidle');
      acting = true;
      await screen.act(page);
      await page.waitForLoadState('networkidle');
      acting = false;
    }
    await page.waitForLoadState('networkidle');
  }
  await context.close();
  const list = [...files].sort();
  return { files: list, gzip: list.reduce((sum, f) => sum + gzipSize(f), 0), fetchedByAct: [...fetchedByAct].sort() };
}
