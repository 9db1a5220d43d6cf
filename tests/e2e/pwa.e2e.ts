// Installing and updating: Chromium's own installability check finds nothing wrong, and a
// new version deployed under a running app is offered at a safe moment; taking it keeps
// the outbox and the session.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildDir } from '../../scripts/lib/paths.mjs';
import { startTestServer, PASSWORD } from '../helpers/server';
import { startNetworkLink } from '../helpers/network-link';
import { expect, test } from './world';

test('Chromium reports the app installable (besides incognito)', async ({ page }) => {
  await page.goto('/');
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 20_000 });
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors.map((e: { errorId: string }) => e.errorId).filter((id: string) => id !== 'in-incognito')).toEqual([]);
  const manifest = await (await page.request.get('/manifest.webmanifest')).json();
  expect(manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`)).toEqual(
    expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']),
  );
});

test('a new version waits, is offered, and updating keeps the outbox and the session', async ({ browser }) => {
  test.setTimeout(90_000);
  // a deployment of its own, so replacing its files disturbs no other test
  const publicDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coffice-deploy-'));
  fs.cpSync(buildDir, publicDir, { recursive: true });
  const server = await startTestServer({ publicDir });
  const link = await startNetworkLink(server.url);
  try {
    await server.admin
      .collection('users')
      .create({ email: 'upd@coffice.test', name: 'Uppdat Ulla', password: PASSWORD, passwordConfirm: PASSWORD });
    const event = await server.admin.collection('events').create({
      title: 'Uppdateringsfrukost',
      kind: 'breakfast',
      status: 'published',
      capacity: 0,
      starts: new Date(Date.now() + 3_600_000).toISOString(),
      ends: new Date(Date.now() + 7_200_000).toISOString(),
    });
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${link.url}/me`);
    await page.getByLabel('E-post').fill('upd@coffice.test');
    await page.getByLabel('Lösenord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect(page.getByTestId('signed-in-as')).toBeVisible();
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 20_000 });

    // a registration waiting in the outbox (made offline)
    await page.goto(`${link.url}/events/${event.id}`);
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Anmäl mig' }).click();
    await expect(page.getByTestId('registration-state')).toHaveAttribute('data-state', 'pending');

    // the server stays out of reach for registrations, so the entry waits in the outbox
    link.fault = (method, path) => (method === 'POST' && path.startsWith('/api/collections/registrations/records') ? 'refuse' : undefined);
    await context.setOffline(false);

    // deploy a new version: a new build has a new service worker
    const sw = path.join(publicDir, 'service-worker.js');
    const { version } = JSON.parse(fs.readFileSync(path.join(publicDir, '_app/version.json'), 'utf8'));
    fs.writeFileSync(sw, fs.readFileSync(sw, 'utf8').replaceAll(version, String(Number(version) + 1)));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect(page.getByTestId('update-banner')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('sync-pending')).toBeVisible();

    await page.evaluate(() => ((window as unknown as { beforeUpdate: boolean }).beforeUpdate = true));
    await page.getByRole('button', { name: 'Uppdatera nu' }).click();
    await expect(page.getByTestId('update-banner')).toHaveCount(0);
    await page.waitForFunction(() => !(window as unknown as { beforeUpdate?: boolean }).beforeUpdate); // reloaded
    // after the reload into the new version: still signed in, the outbox entry still there
    await expect(page.getByTestId('registration-state')).toHaveAttribute('data-state', 'pending');
    await expect(page.getByTestId('sync-pending')).toBeVisible();
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');

    link.fault = null;
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect(page.getByTestId('registration-state')).toHaveAttribute('data-state', 'confirmed', { timeout: 20_000 });
    await page.goto(`${link.url}/me`);
    await expect(page.getByTestId('signed-in-as')).toBeVisible();
    const stored = await server.admin.collection('registrations').getFullList({ filter: `event = "${event.id}"` });
    expect(stored.map((r) => r.status)).toEqual(['confirmed']);
    await context.close();
  } finally {
    await link.close();
    await server.stop();
    fs.rmSync(publicDir, { recursive: true, force: true });
  }
});
