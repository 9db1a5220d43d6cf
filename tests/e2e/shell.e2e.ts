// The app shell as a person meets it: the programme in Swedish, English on demand,
// a working shell offline, and signing in.
import type { Page } from '@playwright/test';
import { E2E, expect, test } from './world';
import { signInWithPassword } from './people';

async function waitForServiceWorker(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 20_000 });
}

test('the programme is readable, in Swedish', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Program' })).toBeVisible();
  await expect(page.getByRole('link', { name: E2E.breakfastTitle })).toBeVisible();
  await expect(page.getByRole('article').filter({ hasText: E2E.breakfastTitle }).getByText('Frukostmöte', { exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
  await expect(nav.getByRole('link')).toHaveText(['Program', 'Passerkort', 'Jag']);
});

test('an event opens on its own page', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: E2E.talkTitle }).click();
  await expect(page.getByRole('heading', { level: 1, name: E2E.talkTitle })).toBeVisible();
  await expect(page.getByText('Talare: Karin Åström')).toBeVisible();
  await expect(page.getByText('Plats: Eventytan')).toBeVisible();
});

test('switching to English changes the whole shell and stays after a reload', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Program' })).toBeVisible();
  await page.getByTestId('language-switch').selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Programme' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main menu' });
  await expect(nav.getByRole('link')).toHaveText(['Programme', 'Passes', 'Me']);
  await expect(
    page.getByRole('article').filter({ hasText: E2E.breakfastTitle }).getByText('Breakfast meeting', { exact: true }),
  ).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Programme' })).toBeVisible();
  await page.getByTestId('language-switch').selectOption('sv');
  await expect(page.getByRole('heading', { level: 1, name: 'Program' })).toBeVisible();
});

test('offline, a reload opens a working shell', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: E2E.breakfastTitle })).toBeVisible();
  await waitForServiceWorker(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Program' })).toBeVisible();
  await expect(page.getByTestId('offline-notice')).toBeVisible();
  // no endless spinner: the programme comes from the device
  await expect(page.getByRole('link', { name: E2E.breakfastTitle })).toBeVisible();

  await page.getByRole('navigation').getByRole('link', { name: 'Jag' }).click();
  await expect(page.getByRole('button', { name: 'Logga in' })).toBeVisible();
  await context.setOffline(false);
});

test('a guest signs in and sees their pass; the door is for hosts', async ({ page }) => {
  await signInWithPassword(page, E2E.guest);
  await expect(page.getByTestId('signed-in-as')).toHaveText(`Inloggad som ${E2E.guest.name}`);
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Dörren', exact: true })).toHaveCount(0);
  await page.getByRole('navigation').getByRole('link', { name: 'Passerkort' }).click();
  await expect(page.getByText(E2E.breakfastTitle)).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Jag' }).click();
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page.getByRole('button', { name: 'Logga in' })).toBeVisible();
});

test('a wrong password is told plainly', async ({ page }) => {
  await signInWithPassword(page, { email: E2E.host.email, password: 'not-the-password' });
  await expect(page.getByRole('alert')).toHaveText('Fel e-post eller lösenord.');
});

test('a host sees the door', async ({ page }) => {
  await signInWithPassword(page, E2E.host);
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Dörren', exact: true })).toBeVisible();
});
