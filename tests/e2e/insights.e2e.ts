// A host reads the venue's numbers for a period and downloads them for the municipality.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './world';
import { newGuest, operator } from './operator';
import { signIn } from './people';

test('a host picks a period, reads its numbers, and downloads the months as CSV', async ({ page }) => {
  const admin = await operator();
  const host = await newGuest('Värd Statistik');
  await admin.collection('users').update(host.id, { role: 'host' });
  // March of a past year (its own per repeated run) in the e2e world: one talk with two
  // people (one scanned twice), one front-door visit
  const year = 2025 - test.info().repeatEachIndex;
  const talk = await admin.collection('events').create({
    title: 'Marsföredrag',
    kind: 'talk',
    status: 'published',
    capacity: 0,
    starts: `${year}-03-12T16:00:00Z`,
    ends: `${year}-03-12T17:00:00Z`,
  });
  const [anna, bo] = await Promise.all([newGuest('Anna Mars'), newGuest('Bo Mars')]);
  const checkin = (holder: string, at: string, event = '') =>
    admin
      .collection('checkins')
      .create({ holder, event, direction: 'in', source: 'door', verdict: 'admitted', scanned_at: at, device: 'e2e' });
  const made = await Promise.all([
    checkin(anna.id, `${year}-03-12T15:50:00Z`, talk.id),
    checkin(anna.id, `${year}-03-12T15:52:00Z`, talk.id),
    checkin(bo.id, `${year}-03-12T15:55:00Z`, talk.id),
    checkin(anna.id, `${year}-03-12T08:00:00Z`),
  ]);
  try {
    await readMarch(page, host, year);
  } finally {
    // that March is this test's alone: leave it empty, so a repeated run counts the same
    await Promise.all(made.map((c) => admin.collection('checkins').delete(c.id)));
    await admin.collection('events').delete(talk.id);
  }
});

async function readMarch(page: Page, host: { email: string; password: string }, year: number) {
  await signIn(page, host);
  await page.getByRole('link', { name: 'Statistik' }).click();
  await expect(page.getByRole('heading', { name: 'Statistik', level: 1 })).toBeVisible();
  await expect(page.getByTestId('insights-figures')).toBeVisible(); // the last 12 months, by default

  await page.getByLabel('Från').fill(`${year}-03-01`);
  await page.getByLabel('Till och med').fill(`${year}-03-31`);
  await expect(page.getByTestId('insights-preset')).toHaveValue('custom');
  await expect(page.getByTestId('insights-events')).toHaveText('1');
  await expect(page.getByTestId('insights-participants')).toHaveText('2');
  await expect(page.getByTestId('insights-visits')).toHaveText('1');
  // the weekday averages start at the front door's first admission (this March's, the world's first)
  await expect(page.getByTestId('insights-counted')).toHaveText(`Räknat från 12 mars ${year}, då entrén började registrera besök.`);
  await page.screenshot({ path: 'test-results/insights-counted-sv.png', fullPage: true });
  await expect(page.getByTestId('insights-months').getByRole('row', { name: new RegExp(`mars ${year}`) })).toHaveText(
    new RegExp(`mars ${year}\\s*1\\s*2\\s*1`),
  );
  // the period is in the address: a reload shows the same numbers
  await expect(page).toHaveURL(new RegExp(`/host/insights\\?from=${year}-03-01&to=${year}-03-31$`));
  await page.reload();
  await expect(page.getByLabel('Från')).toHaveValue(`${year}-03-01`);
  await expect(page.getByTestId('insights-participants')).toHaveText('2');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ladda ner som CSV' }).click();
  const file = await (await download).path();
  expect((await download).suggestedFilename()).toBe(`coffice-${year}-03-01-${year}-03-31.csv`);
  expect(fs.readFileSync(file, 'utf8')).toBe(`\uFEFFMånad;Evenemang;Deltagare;Besök vid entrén\r\n${year}-03;1;2;1\r\n`);
}
