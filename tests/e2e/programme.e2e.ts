// The programme offline-first: it renders from the device after a reload without network,
// and a registration made offline is kept, sent when the network returns — exactly once,
// even when the first send is cut off after the server got it.
import type { Page } from '@playwright/test';
import { E2E, expect, test, testOverLink } from './world';
import { newGuest, operator } from './operator';
import { signIn } from './people';

async function readyOffline(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 20_000 });
}

test('the programme and My programme open from the device with no network', async ({ page, context }) => {
  await signIn(page, E2E.guest);
  await page.goto('/');
  await expect(page.getByRole('link', { name: E2E.talkTitle })).toBeVisible();
  await expect(page.getByTestId('sync-badge')).toContainText('Uppdaterat');
  await page.goto('/mine');
  await expect(page.getByRole('link', { name: E2E.breakfastTitle })).toBeVisible();
  await readyOffline(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('link', { name: E2E.breakfastTitle })).toBeVisible();
  await expect(page.getByTestId('mine-status')).toHaveText('Anmäld');
  await page.goto('/');
  await expect(page.getByRole('link', { name: E2E.talkTitle })).toBeVisible();
  await expect(page.getByRole('link', { name: E2E.breakfastTitle })).toBeVisible();
  await expect(page.getByTestId('offline-notice')).toBeVisible();

  // search and filters work on the device's copy
  await page.getByRole('searchbox').fill('växer');
  await expect(page.getByRole('link', { name: E2E.talkTitle })).toBeVisible();
  await expect(page.getByRole('link', { name: E2E.breakfastTitle })).toHaveCount(0);
  await context.setOffline(false);
});

testOverLink(
  'registering offline is kept, then confirmed once online — once, even if the first send is cut',
  async ({ page, context, link }) => {
    const guest = await newGuest('Offline Olle');
    await signIn(page, guest);
    await page.goto('/');
    await page.getByRole('link', { name: E2E.talkTitle }).click();
    await expect(page.getByRole('button', { name: 'Anmäl mig' })).toBeVisible();
    await readyOffline(page);

    await context.setOffline(true);
    await page.getByRole('button', { name: 'Anmäl mig' }).click();
    await expect(page.getByTestId('registration-state')).toHaveAttribute('data-state', 'pending');
    await expect(page.getByTestId('sync-pending')).toBeVisible();

    // the saved registration survives a reload without network
    await page.reload();
    await expect(page.getByTestId('registration-state')).toHaveAttribute('data-state', 'pending');

    // the first send reaches the server, but its answer is lost on the way back
    let cut = 0;
    link.fault = (method, path) => {
      if (method !== 'POST' || !path.startsWith('/api/collections/registrations/records') || cut > 0) return undefined;
      cut += 1;
      return 'lose-answer';
    };
    await context.setOffline(false);

    await expect(page.getByTestId('registration-state')).toHaveAttribute('data-state', 'confirmed', { timeout: 20_000 });
    await expect(page.getByTestId('sync-pending')).toHaveCount(0);
    expect(cut).toBe(1);

    const admin = await operator();
    const stored = await admin.collection('registrations').getFullList({ filter: `user = "${guest.id}"` });
    expect(stored.map((r) => r.status)).toEqual(['confirmed']);
  },
);

test('a registration the server refuses says why', async ({ page, context }) => {
  const guest = await newGuest('Sen Sven');
  const admin = await operator();
  const talk = await admin.collection('events').create({
    title: 'Redan slut',
    kind: 'talk',
    status: 'published',
    starts: new Date(Date.now() + 3_600_000).toISOString(),
    ends: new Date(Date.now() + 7_200_000).toISOString(),
  });
  await signIn(page, guest);
  await page.goto(`/events/${talk.id}`);
  await expect(page.getByRole('button', { name: 'Anmäl mig' })).toBeVisible();
  await readyOffline(page);
  // registered offline; meanwhile the host cancels the event
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Anmäl mig' }).click();
  await expect(page.getByTestId('registration-state')).toHaveAttribute('data-state', 'pending');
  await admin.collection('events').update(talk.id, { status: 'cancelled' });
  await context.setOffline(false);
  await expect(page.getByTestId('registration-state')).toHaveAttribute('data-state', 'refused');
  await expect(page.getByTestId('registration-state')).toHaveText('Anmälan gick inte igenom: evenemanget är inställt.');
  await page.goto('/mine');
  await expect(page.getByTestId('mine-status')).toHaveText('Anmälan gick inte igenom: evenemanget är inställt.');
  // the device keeps the server's code, not its words: they follow the person's language
  await page.evaluate(() => localStorage.setItem('PARAGLIDE_LOCALE', 'en'));
  await page.reload();
  await expect(page.getByTestId('mine-status')).toHaveText('The registration did not go through: the event is cancelled.');
  await page.goto(`/events/${talk.id}`);
  await expect(page.getByTestId('registration-state')).toHaveText('The registration did not go through: the event is cancelled.');
});
