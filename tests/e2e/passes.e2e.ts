// Passes as a guest at a talk meets them: there after registering, there with no network
// after closing and reopening the app, and scannable — a screenshot decodes (with zbarimg,
// an independent decoder) to exactly the code the server holds.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { E2E, expect, test } from './world';
import { newGuest, operator } from './operator';
import { signIn } from './people';

/** Decodes the QR on screen from a screenshot, as a camera would see it. */
async function decodeQr(page: Page): Promise<string> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'coffice-qr-')), 'qr.png');
  await page.locator('[data-qr]').screenshot({ path: file });
  return execFileSync('zbarimg', ['--raw', '-q', '--nodbus', file], { encoding: 'utf8' }).trim();
}

/** Changes the passes kept on the device, as an older app version or a tamperer would. */
async function changeDevicePasses(page: Page, change: 'drop-qr' | 'unrevoke') {
  await page.evaluate(
    (how) =>
      new Promise<void>((resolve) => {
        const open = indexedDB.open('coffice');
        open.onsuccess = () => {
          const store = open.result.transaction('passes', 'readwrite').objectStore('passes');
          const all = store.getAll();
          all.onsuccess = () => {
            for (const { qr, ...pass } of all.result) store.put(how === 'drop-qr' ? pass : { ...pass, qr, revoked: false });
            store.transaction.oncomplete = () => resolve();
          };
        };
      }),
    change,
  );
}

async function registerForTalk(page: Page) {
  await page.goto('/');
  await page.getByRole('link', { name: E2E.talkTitle }).click();
  await page.getByRole('button', { name: 'Anmäl mig' }).click();
  await expect(page.getByTestId('registration-state')).toHaveAttribute('data-state', 'confirmed');
}

test('register → the pass appears, opens offline after the app is closed, and scans to its code', async ({ page, context }) => {
  const guest = await newGuest('Pass Petra');
  await signIn(page, guest);
  await registerForTalk(page);

  await page.getByRole('navigation').getByRole('link', { name: 'Passerkort' }).click();
  await page.getByTestId('pass-link').filter({ hasText: E2E.talkTitle }).click();
  await expect(page.locator('[data-qr]')).toBeVisible();
  const passUrl = page.url();
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 20_000 });

  const admin = await operator();
  const [serverPass] = await admin.collection('passes').getFullList({ filter: `holder = "${guest.id}"` });

  // close the app, lose the network, open it again straight on the pass
  await page.close();
  await context.setOffline(true);
  const reopened = await context.newPage();
  await reopened.goto(passUrl);
  await expect(reopened.locator('[data-qr]')).toHaveAttribute('data-qr', serverPass.code);
  await expect(reopened.getByTestId('pass-holder')).toHaveText('Pass Petra');
  await expect(reopened.getByTestId('live-clock')).toBeVisible();
  expect(await decodeQr(reopened)).toBe(serverPass.code);

  // a copy stored before the server sent QR modules (an older app version) still draws,
  // offline, with the encoder the service worker keeps for that case
  await changeDevicePasses(reopened, 'drop-qr');
  await reopened.reload();
  await expect(reopened.locator('[data-qr]')).toHaveAttribute('data-qr', serverPass.code);
  expect(await decodeQr(reopened)).toBe(serverPass.code);
  await context.setOffline(false);
});

test('reissuing gives a new code that scans, and the old code is gone', async ({ page }) => {
  const guest = await newGuest('Ny Kod');
  await signIn(page, guest);
  await registerForTalk(page);
  await page.goto('/passes');
  await page.getByTestId('pass-link').first().click();
  const old = await page.locator('[data-qr]').getAttribute('data-qr');

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Byt kod' }).click();
  await expect(page.getByRole('status')).toHaveText('Ny kod klar. Den gamla gäller inte längre.');
  const fresh = await page.locator('[data-qr]').getAttribute('data-qr');
  expect(fresh).not.toBe(old);
  expect(await decodeQr(page)).toBe(fresh);

  // the scan route comes with the door; until then the passes collection decides
  const admin = await operator();
  expect(await admin.collection('passes').getFullList({ filter: `code = "${old}"` })).toHaveLength(0);
  expect(await admin.collection('passes').getFullList({ filter: `code = "${fresh}" && revoked = false` })).toHaveLength(1);
});

test('a pass for a cancelled registration or event is never shown, even if the device copy is tampered with', async ({ page }) => {
  const guest = await newGuest('Avbokad Anna');
  const admin = await operator();
  const meetup = await admin.collection('events').create({
    title: 'Träff som ställs in',
    kind: 'meetup',
    status: 'published',
    starts: new Date(Date.now() + 3 * 3600_000).toISOString(),
    ends: new Date(Date.now() + 4 * 3600_000).toISOString(),
  });
  await signIn(page, guest);
  await registerForTalk(page);
  await page.goto(`/events/${meetup.id}`);
  await page.getByRole('button', { name: 'Anmäl mig' }).click();
  await expect(page.getByTestId('registration-state')).toHaveAttribute('data-state', 'confirmed');
  await page.goto('/passes');
  await expect(page.getByTestId('pass-link')).toHaveCount(2);

  // I cancel the talk; the host cancels the meetup
  await page.goto('/');
  await page.getByRole('link', { name: E2E.talkTitle }).click();
  page.once('dialog', (dialog) => dialog.accept()); // "Avboka din plats …?" (issue #12)
  await page.getByRole('button', { name: 'Avboka' }).click();
  await expect(page.getByRole('button', { name: 'Anmäl mig' })).toBeVisible();
  await admin.collection('events').update(meetup.id, { status: 'cancelled' });
  await page.goto('/passes');
  await expect(page.getByTestId('pass-link')).toHaveCount(0);
  await expect(page.getByText('Du har inga passerkort ännu.', { exact: false })).toBeVisible();

  // un-revoking the passes on the device does not bring them back: the screen checks the
  // registration and the event, and the door asks the server's list anyway
  await changeDevicePasses(page, 'unrevoke');
  await page.reload();
  await expect(page.getByText('Du har inga passerkort ännu.', { exact: false })).toBeVisible();
  const passes = await admin.collection('passes').getFullList({ filter: `holder = "${guest.id}"` });
  expect(passes.map((p) => p.revoked)).toEqual([true, true]);
});
