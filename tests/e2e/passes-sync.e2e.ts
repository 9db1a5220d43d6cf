// The sync and the passes as a guest meets them on a live network: a reissued code never
// goes back to the revoked one, and a registration tapped while online reaches the server at
// once, even while a slow passes answer is still on its way. Both races are forced on the
// wire (tests/helpers/network-link.ts): the passes answer is read by the server first and
// held until the test lets it go.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { E2E, expect, testOverLink as test } from './world';
import { newGuest, operator } from './operator';
import { signIn, waitForServiceWorker } from './people';

const passesList = (method: string, where: string) => method === 'GET' && where.startsWith('/api/collections/passes/records');
const registrationCreate = (method: string, where: string) =>
  method === 'POST' && where.startsWith('/api/collections/registrations/records');

/** Decodes the QR on screen from a screenshot, as a camera would see it. */
async function decodeQr(page: Page): Promise<string> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'coffice-qr-')), 'qr.png');
  await page.locator('[data-qr]').screenshot({ path: file });
  return execFileSync('zbarimg', ['--raw', '-q', '--nodbus', file], { encoding: 'utf8' }).trim();
}

/** The code the device keeps for a pass (what an offline start will show). */
function deviceCode(page: Page, id: string): Promise<string | undefined> {
  return page.evaluate(
    (passId) =>
      new Promise<string | undefined>((resolve) => {
        const open = indexedDB.open('coffice');
        open.onsuccess = () => {
          const read = open.result.transaction('passes').objectStore('passes').get(passId);
          read.onsuccess = () => resolve(read.result?.code);
        };
      }),
    id,
  );
}

test('a reissued code stays: a passes pull asked before the reissue and answered after it does not bring the old code back, online or after an offline reload', async ({
  page,
  context,
  link,
}) => {
  const guest = await newGuest('Byt Kod Berit');
  await signIn(page, guest);
  await page.goto('/');
  await page.getByRole('link', { name: E2E.talkTitle }).click();
  await page.getByRole('button', { name: 'Anmäl mig' }).click();
  await expect(page.getByTestId('registration-state')).toHaveAttribute('data-state', 'confirmed');
  await page.goto('/passes');
  await page.getByTestId('pass-link').filter({ hasText: E2E.talkTitle }).click();
  await expect(page.locator('[data-qr]')).toBeVisible();
  const passUrl = page.url();
  const passId = passUrl.split('/').at(-1)!;
  const old = await page.locator('[data-qr]').getAttribute('data-qr');
  expect(old).toMatch(/^CF1:/);
  await waitForServiceWorker(page);

  // The app is opened again: its first sync asks for the passes, the server answers with the
  // code it holds now, and that answer is held on the wire...
  await page.goto('about:blank');
  const held = link.holdNext(passesList);
  await page.goto(passUrl);
  await expect(page.locator('[data-qr]')).toHaveAttribute('data-qr', old!);
  await held.answered;

  // ...while the person reissues the code
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Byt kod' }).click();
  await expect(page.getByRole('status')).toHaveText('Ny kod klar. Den gamla gäller inte längre.');
  const admin = await operator();
  const current = (await admin.collection('passes').getOne(passId)).code;
  expect(current).not.toBe(old);
  await expect(page.locator('[data-qr]')).toHaveAttribute('data-qr', current);

  // The stale answer arrives and is written (the sync started before the reissue completes
  // after it). Any later passes pull, which would bring the current code anyway, is held
  // until the checks are done, so only the stale answer could have changed the device.
  const later = link.holdNext(passesList);
  held.release();
  await page.waitForFunction(() => performance.getEntriesByName('coffice:passes-pulled').length > 0);
  expect(await deviceCode(page, passId)).toBe(current);
  await expect(page.locator('[data-qr]')).toHaveAttribute('data-qr', current);
  expect(await decodeQr(page)).toBe(current);

  // and with no network, after closing and reopening the app
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('[data-qr]')).toHaveAttribute('data-qr', current);
  expect(await decodeQr(page)).toBe(current);
  await context.setOffline(false);
  later.release();
  expect((await admin.collection('passes').getOne(passId)).code).toBe(current);
});

test('a guest with 20 passes registers online: the registration is on the server at once, while the passes answer is still on its way', async ({
  page,
  link,
}) => {
  const admin = await operator();
  const guest = await newGuest('Tjugo Pass');
  const day = 24 * 3600_000;
  const at = (offset: number) => new Date(Date.now() + 120 * day + offset).toISOString();
  for (let i = 0; i < 20; i++) {
    const event = await admin.collection('events').create({
      title: `Kurs ${i + 1} för passen`,
      kind: 'meetup',
      status: 'published',
      starts: at(i * day),
      ends: at(i * day + 3600_000),
    });
    await admin.collection('registrations').create({ event: event.id, user: guest.id });
  }
  const target = await admin.collection('events').create({
    title: 'Kvällen då allt gick fort',
    kind: 'meetup',
    status: 'published',
    starts: at(30 * day),
    ends: at(30 * day + 3600_000),
  });
  expect(await admin.collection('passes').getFullList({ filter: `holder = "${guest.id}" && revoked = false` })).toHaveLength(20);

  await signIn(page, guest);
  await page.goto('/passes');
  await expect(page.getByTestId('pass-link')).toHaveCount(20);

  // open the event: the app's first sync asks for all 20 passes, and that answer is held
  await page.goto('about:blank');
  const held = link.holdNext(passesList);
  let reachedServerAt = 0;
  let storedAt = 0; // the server's answer to the create: the registration is stored
  link.onRequest = (method, where) => {
    if (registrationCreate(method, where) && !reachedServerAt) reachedServerAt = Date.now();
  };
  link.onAnswered = (method, where) => {
    if (registrationCreate(method, where) && !storedAt) storedAt = Date.now();
  };
  await page.goto(`/events/${target.id}`);
  await held.answered;

  const tappedAt = Date.now();
  await page.getByRole('button', { name: 'Anmäl mig' }).click();
  const mine = admin.filter('event = {:event} && user = {:user}', { event: target.id, user: guest.id });
  await expect
    .poll(
      () =>
        admin
          .collection('registrations')
          .getList(1, 1, { filter: mine })
          .then((list) => list.totalItems),
      { intervals: [50] },
    )
    .toBe(1);
  const seenOnServerAt = Date.now();
  await expect(page.getByTestId('registration-state')).toHaveAttribute('data-state', 'confirmed');
  // the order that matters: the registration is on the server and confirmed on screen
  // while the passes answer has still not reached the device
  expect(held.holding).toBe(true);
  console.log(
    `tap → registration request at the server: ${reachedServerAt - tappedAt} ms; ` +
      `tap → stored (server answered): ${storedAt - tappedAt} ms; ` +
      `tap → seen by the operator's poll: ${seenOnServerAt - tappedAt} ms (passes answer still held)`,
  );

  // then the passes arrive, and the new registration's pass with them
  held.release();
  await page.goto('/passes');
  await expect(page.getByTestId('pass-link')).toHaveCount(21);
});
