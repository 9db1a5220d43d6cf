// Issue #13: a door whose session ends while it is offline loses nothing. Forty passes are
// scanned offline, the host's password is changed on the server (PocketBase then refuses the
// door's token), the door comes back online: nothing is marked failed, the door asks to sign
// in again with 40 scans to send, and after the sign-in all 40 are on the server once each,
// uploaded in at most two requests (the one refused and one batch).
import type { Page } from '@playwright/test';
import { expect, test } from './world';
import { newGuest, operator } from './operator';
import { scanByHand } from './door-hands';
import { signIn } from './people';

const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();
const NEW_PASSWORD = 'another-long-test-password';

/** The device's outbox, read from IndexedDB as it is. */
function outbox(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ pending: number; failed: number }>((resolve, reject) => {
        const open = indexedDB.open('coffice');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('outbox').objectStore('outbox').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            db.close();
            const entries = all.result as { state: string }[];
            resolve({
              pending: entries.filter((e) => e.state === 'pending').length,
              failed: entries.filter((e) => e.state === 'failed').length,
            });
          };
        };
      }),
  );
}

test('a lapsed session keeps 40 offline scans pending until the host signs in again, then sends them once, in ≤ 2 requests', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  const admin = await operator();
  const event = await admin.collection('events').create({
    title: 'Dörrtest: sessionen',
    kind: 'breakfast',
    status: 'published',
    capacity: 0,
    starts: minutes(-5),
    ends: minutes(60),
  });
  const passes: { code: string; passId: string }[] = [];
  for (let i = 0; i < 40; i++) {
    const guest = await newGuest(`Sessionsgäst ${i + 1}`);
    const registration = await admin.collection('registrations').create({ event: event.id, user: guest.id });
    const pass = await admin.collection('passes').getFirstListItem(`registration = "${registration.id}"`);
    passes.push({ code: pass.code, passId: pass.id });
  }
  // a host of this test's own: its password changes below
  const host = await newGuest('Dörrvärd Dagny');
  await admin.collection('users').update(host.id, { role: 'host' });

  await signIn(page, host);
  await page.getByRole('navigation').getByRole('link', { name: 'Dörren', exact: true }).click();
  await expect(page.getByTestId('door-choice').locator(`option[value="${event.id}"]`)).toHaveCount(1, { timeout: 15_000 });
  await page.getByTestId('door-choice').selectOption(event.id);
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 20_000 });

  await context.setOffline(true);
  for (const pass of passes) expect(await scanByHand(page, pass.code)).toBe('admitted');
  await expect(page.getByTestId('sync-pending')).toContainText('40');

  // the session ends on the server: a password change makes PocketBase refuse the old token
  await admin.collection('users').update(host.id, { password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
  const stale = await page.evaluate(() => JSON.parse(localStorage.getItem('pocketbase_auth') ?? '{}').token as string);
  const check = await fetch(`${process.env.COFFICE_URL}/api/collections/users/auth-refresh`, {
    method: 'POST',
    headers: { Authorization: stale },
  });
  expect(check.status).toBe(401);

  const uploads: number[] = [];
  page.on('response', (response) => {
    if (response.url().includes('/api/coffice/sync') && response.request().method() === 'POST') uploads.push(response.status());
  });
  await context.setOffline(false);
  const signInAgain = page.getByTestId('sync-sign-in');
  await expect(signInAgain).toContainText('Logga in igen för att skicka 40 skanningar', { timeout: 30_000 });
  expect(await outbox(page)).toEqual({ pending: 40, failed: 0 });
  await expect(page.getByTestId('sync-failed')).toHaveCount(0);
  expect(uploads).toEqual([401]);

  await signInAgain.getByRole('button', { name: 'Logga in' }).click();
  await expect(page).toHaveURL(/\/me/);
  await page.getByLabel('E-post').fill(host.email);
  await page.getByLabel('Lösenord').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
  await expect.poll(() => outbox(page), { timeout: 30_000 }).toEqual({ pending: 0, failed: 0 });

  const checkins = await admin.collection('checkins').getFullList({ filter: `event = "${event.id}"` });
  expect(checkins).toHaveLength(40);
  expect(new Set(checkins.map((c) => c.pass))).toEqual(new Set(passes.map((p) => p.passId)));
  expect(checkins.every((c) => c.verdict === 'admitted' && !c.conflict)).toBe(true);
  expect(uploads.length).toBeLessThanOrEqual(2);
  expect(uploads).toEqual([401, 200]);
});

test('a write the server refuses for good is listed where it is counted (what, when, why) and cleared after a confirm', async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  const admin = await operator();
  const event = await admin.collection('events').create({
    title: 'Dörrtest: inställt',
    kind: 'breakfast',
    status: 'published',
    capacity: 0,
    starts: minutes(-5),
    ends: minutes(60),
  });
  const host = await newGuest('Dörrvärd Doris');
  await admin.collection('users').update(host.id, { role: 'host' });
  await signIn(page, host);
  await page.getByRole('navigation').getByRole('link', { name: 'Dörren', exact: true }).click();
  await expect(page.getByTestId('door-choice').locator(`option[value="${event.id}"]`)).toHaveCount(1, { timeout: 15_000 });
  await page.getByTestId('door-choice').selectOption(event.id);
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 20_000 });

  // offline, someone without a pass is let in; meanwhile the event is called off
  await context.setOffline(true);
  await page.getByText('Släpp in någon utan kort').click();
  await page.getByRole('textbox', { name: 'Namn', exact: true }).fill('Vera Walk');
  await page.getByRole('button', { name: 'Släpp in', exact: true }).click();
  await expect(page.locator('[data-verdict]')).toBeVisible();
  await page
    .getByRole('button', { name: 'Nästa' })
    .click({ timeout: 2000 })
    .catch(() => undefined);
  await expect(page.getByTestId('sync-pending')).toContainText('1 ändring');
  await admin.collection('events').update(event.id, { status: 'cancelled' });
  await context.setOffline(false);

  const failed = page.getByTestId('sync-failed');
  await expect(failed).toContainText('1 ändring kunde inte göras', { timeout: 30_000 });
  await expect(page.getByTestId('sync-sign-in')).toHaveCount(0);
  await failed.getByRole('button', { name: 'Visa' }).click();
  const item = page.getByTestId('sync-refused').getByRole('listitem');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Insläppt utan pass: Vera Walk');
  await expect(item).toContainText('servern tog inte emot den');
  await expect(item).toContainText(/\d\d:\d\d/);

  // "Behåll" keeps it; "Rensa" in the dialog forgets it
  await item.getByRole('button', { name: 'Rensa' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Behåll' }).click();
  await expect(item).toHaveCount(1);
  expect(await outbox(page)).toEqual({ pending: 0, failed: 1 });
  await item.getByRole('button', { name: 'Rensa' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Rensa' }).click();
  await expect(failed).toHaveCount(0);
  await expect(page.getByTestId('sync-refused')).toHaveCount(0);
  expect(await outbox(page)).toEqual({ pending: 0, failed: 0 });
});
