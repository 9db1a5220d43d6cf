// A host plans an event from the phone: creates it as a draft (the form refuses an end
// before the start, in Swedish), publishes it so it appears in the programme, downloads
// the participant list, and cancels it so the programme shows it cancelled.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { E2E, expect, test } from './world';
import { signIn } from './people';

/** Tomorrow's date in Stockholm as `YYYY-MM-DD`. */
function tomorrowInStockholm(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' }).format(new Date(Date.now() + 24 * 3600 * 1000));
}

test('a host creates, publishes and cancels an event, and the programme follows', async ({ page, browser }) => {
  const title = `Kvällskurs i bokföring ${Date.now()}`;
  const day = tomorrowInStockholm();
  await signIn(page, E2E.host);

  await page.goto('/host/events');
  await expect(page.getByRole('heading', { level: 1, name: 'Evenemang' })).toBeVisible();
  await page.getByRole('link', { name: 'Nytt evenemang' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nytt evenemang' })).toBeVisible();

  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Kort beskrivning').fill('Grunderna för småföretagare.');
  await page.getByLabel('Typ').selectOption({ label: 'Kurs' });
  await page.getByLabel('Lokal').selectOption({ label: 'Eventytan' });
  await page.getByLabel('Talare').fill('Karin Åström');
  await page.getByLabel('Börjar (svensk tid)').fill(`${day}T18:00`);
  await page.getByLabel('Slutar (svensk tid)').fill(`${day}T17:00`);
  await page.getByLabel('Antal platser').fill('12');
  await page.getByRole('button', { name: 'Spara som utkast' }).click();
  await expect(page.getByText('Sluttiden måste vara efter starttiden.')).toBeVisible();
  await expect(page).toHaveURL(/\/host\/events\/new$/);

  await page.getByLabel('Slutar (svensk tid)').fill(`${day}T20:00`);
  await page.getByRole('button', { name: 'Spara som utkast' }).click();
  await expect(page).toHaveURL(/\/host\/events\/[a-z0-9]{15}$/);
  await expect(page.getByTestId('event-status')).toHaveText('Utkast');
  await expect(page.getByLabel('Börjar (svensk tid)')).toHaveValue(`${day}T18:00`);

  await page.getByRole('button', { name: 'Publicera' }).click();
  await expect(page.getByTestId('event-status')).toHaveText('Publicerat');
  await expect(page.getByText('Publicerat. Evenemanget syns nu i programmet.')).toBeVisible();

  // someone else, not signed in, finds it in the programme at 18:00
  const visitor = await browser.newContext();
  const programme = await visitor.newPage();
  await programme.goto('/');
  const card = programme.locator('article', { has: programme.getByRole('link', { name: title }) });
  await expect(card).toBeVisible();
  await expect(card).toContainText('18:00');

  // the participant list downloads as a CSV Excel reads as UTF-8
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ladda ner deltagarlistan (CSV)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^participants-\d{4}-\d{2}-\d{2}-Kvallskurs-i-bokforing-\d+\.csv$/);
  const csv = fs.readFileSync(await file.path());
  expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  expect(csv.subarray(3).toString('utf8')).toBe('status;place;name;email;registered (Stockholm time)\r\n');

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Ställ in evenemanget' }).click();
  await expect(page.getByTestId('event-status')).toHaveText('Inställt');
  await expect(page.getByRole('button', { name: 'Ställ in evenemanget' })).toHaveCount(0);

  await programme.reload();
  await expect(card).toContainText('Inställt');
  await visitor.close();
});
