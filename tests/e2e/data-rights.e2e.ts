// A person downloads what the venue keeps about them, then deletes the account.
import fs from 'node:fs';
import { newGuest, signInWithPassword } from './people';
import { expect, test } from './world';

test('download my data as JSON, then delete my account', async ({ page }) => {
  const guest = await newGuest('Dagny Data');
  await signInWithPassword(page, guest);
  await expect(page.getByTestId('signed-in-as')).toHaveText('Inloggad som Dagny Data');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Ladda ner mina uppgifter (JSON)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('coffice-my-data.json');
  const data = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  expect(data.profile).toMatchObject({ email: guest.email, name: 'Dagny Data', role: 'guest' });
  expect(data).toHaveProperty('registrations');
  expect(data).toHaveProperty('passes');
  expect(data).toHaveProperty('checkins');

  await page.getByRole('button', { name: 'Radera mitt konto' }).click();
  await page.getByLabel('Skriv din e-postadress för att bekräfta').fill('fel@coffice.test');
  await page.getByRole('button', { name: 'Radera kontot för gott' }).click();
  await expect(page.getByRole('alert')).toHaveText('Det är inte e-postadressen för det här kontot.');
  await page.getByLabel('Skriv din e-postadress för att bekräfta').fill(guest.email);
  await page.getByRole('button', { name: 'Radera kontot för gott' }).click();
  await expect(page.getByRole('status')).toHaveText('Ditt konto är raderat.');
  await expect(page.getByRole('button', { name: 'Logga in' })).toBeVisible();

  await page.getByLabel('E-post').fill(guest.email);
  await page.getByLabel('Lösenord').fill(guest.password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Fel e-post eller lösenord.');
});
