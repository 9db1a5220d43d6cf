// Web push in the app (issue #14), as far as a browser here can go: headless Chromium has web
// push, but its push service (Google's) is not reachable from the tests, so subscribing itself
// is checked against a stand-in push service in tests/integration/push.spec.ts. Here: the offer
// right after registering (once per device) and the switch on /me.
import { createEvent } from '../helpers/server';
import { signIn } from './people';
import { newGuest, operator } from './operator';
import { expect, test } from './world';

test('right after registering, notifications are offered once on this device', async ({ page }) => {
  const admin = await operator();
  const guest = await newGuest('Avi Sering');
  const first = await createEvent(admin, { title: `Aviseringskväll ${Date.now()}`, capacity: 5 });
  const second = await createEvent(admin, { title: `Andra kvällen ${Date.now()}`, capacity: 5 });
  await signIn(page, guest);

  await page.goto(`/events/${first.id}`);
  await expect(page.getByRole('heading', { level: 1, name: first.title })).toBeVisible();
  await expect(page.getByTestId('push-offer')).toHaveCount(0);
  await page.getByRole('button', { name: 'Anmäl mig' }).click();
  await expect(page.getByTestId('registration-state')).toHaveAttribute('data-state', 'confirmed');
  const offer = page.getByTestId('push-offer');
  await expect(offer).toContainText('Få besked på den här enheten');
  await expect(offer.getByRole('button', { name: 'Slå på aviseringar' })).toBeVisible();
  await offer.getByRole('button', { name: 'Inte nu' }).click();
  await expect(page.getByTestId('push-offer')).toHaveCount(0);

  // once per device: the next registration does not ask again
  await page.goto(`/events/${second.id}`);
  await page.getByRole('button', { name: 'Anmäl mig' }).click();
  await expect(page.getByTestId('registration-state')).toHaveAttribute('data-state', 'confirmed');
  await expect(page.getByRole('link', { name: 'Visa passerkortet' })).toBeVisible();
  await expect(page.getByTestId('push-offer')).toHaveCount(0);

  // the switch on /me stays, for whoever changes their mind
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Jag' }).click();
  const toggle = page.getByRole('switch', { name: 'Aviseringar på den här enheten' });
  await expect(toggle).toBeEnabled();
  await expect(toggle).not.toBeChecked();
});
