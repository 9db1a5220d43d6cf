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

/**
 * A signed-in browser state (for `scriptsForScreens`), by the app's own sign-in form.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} origin
 * @param {{ email: string, password: string }} who
 */
export async function signedInState(browser, origin, who) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${origin}/me`);
  await page.getByLabel('E-post').fill(who.email);
  await page.getByLabel('Lösenord').fill(who.password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByTestId('signed-in-as').waitFor();
  const state = await context.storageState();
  await context.close();
  return state;
}

/**
 * The files a lazily imported module brings (itself, what it imports, and what it loads
 * lazily in turn), from the build's Vite manifest; for what a browser fetches only on
 * demand, e.g. the camera's fallback decoder on devices without BarcodeDetector. Lazy
 * imports of the shared chunks it imports are not followed: they load on other demands.
 * @param {string} source e.g. 'src/lib/door/camera.ts'
 * @returns {string[]} paths below build/
 */
export function lazyScripts(source) {
  const manifest = JSON.parse(fs.readFileSync(path.join(buildDir, '../.svelte-kit/output/client/.vite/manifest.json'), 'utf8'));
  const files = new Set();
  const visit = (/** @type {string} */ key, /** @type {boolean} */ followLazy) => {
    const entry = manifest[key];
    if (!entry || files.has(entry.file)) return;
    files.add(entry.file);
    for (const next of entry.imports ?? []) visit(next, false);
    if (followLazy) for (const next of entry.dynamicImports ?? []) visit(next, true);
  };
  visit(source, true);
  if (files.size === 0) throw new Error(`${source} is not in the build's manifest`);
  return [...files].filter((f) => f.endsWith('.js'));
}

/** Everything the service worker precaches (its list, plus the page shell it falls back to). */
export function precachedFiles() {
  const sw = fs.readFileSync(path.join(buildDir, 'service-worker.js'), 'utf8');
  const listed = [...sw.matchAll(/["'`]\/?((?:_app|icons)\/[^"'`]+|[\w.-]+\.(?:png|webmanifest|svg|ico))["'`]/g)].map((m) => m[1]);
  return [...new Set([...listed, 'index.html'])].filter((f) => fs.existsSync(path.join(buildDir, f)));
}
