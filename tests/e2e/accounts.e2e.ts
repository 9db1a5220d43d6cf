// A newcomer's first visit: signs up, signs in on a second device with a one-time code
// from the mail, edits the profile, switches to English (the whole app follows), signs out.
import { codeIn } from '../helpers/mail-sink';
import { mailTo, uniqueEmail } from './people';
import { expect, test } from './world';

test('sign up, sign in elsewhere with an emailed code, edit the profile, English, sign out', async ({ page, browser, baseURL }) => {
  const email = uniqueEmail('nora');

  // first device: sign up, told plainly about a short and a common password
  await page.goto('/me');
  await page.getByRole('button', { name: 'Skapa konto' }).click();
  await page.getByLabel('Namn').fill('Nora Nykomling');
  await page.getByLabel('E-post').fill('nora.at.coffice');
  await page.getByLabel('Lösenord (minst 10 tecken)').fill('kort');
  await page.getByRole('button', { name: 'Skapa konto' }).click();
  await expect(page.getByRole('alert')).toHaveText('Skriv en giltig e-postadress, till exempel namn@exempel.se.');
  await page.getByLabel('E-post').fill(email);
  await page.getByRole('button', { name: 'Skapa konto' }).click();
  await expect(page.getByRole('alert')).toHaveText('Lösenordet måste ha minst 10 tecken.');
  await page.getByLabel('Lösenord (minst 10 tecken)').fill('Lösenord123');
  await page.getByRole('button', { name: 'Skapa konto' }).click();
  await expect(page.getByRole('alert')).toHaveText('Det lösenordet är för vanligt. Välj ett som är svårare att gissa.');
  await page.getByLabel('Lösenord (minst 10 tecken)').fill('nora-dricker-kaffe-2026');
  await page.getByRole('button', { name: 'Skapa konto' }).click();
  await expect(page.getByTestId('signed-in-as')).toHaveText('Inloggad som Nora Nykomling');

  // second device: a one-time code from the mail, a wrong one first
  const phone = await browser.newContext({ baseURL, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  const second = await phone.newPage();
  await second.goto('/me');
  await second.getByRole('button', { name: 'Få en kod via e-post' }).click();
  await second.getByLabel('E-post').fill(email);
  await second.getByRole('button', { name: 'Skicka kod' }).click();
  await expect(second.getByRole('status')).toContainText(`Vi har mejlat en kod till ${email}`);
  const code = codeIn(await mailTo(email));
  await second.getByLabel('Kod från mejlet').fill(code === '000000' ? '111111' : '000000');
  await second.getByRole('button', { name: 'Använd koden' }).click();
  await expect(second.getByRole('alert')).toHaveText('Fel eller för gammal kod. Titta i mejlet igen eller be om en ny kod.');
  await second.getByLabel('Kod från mejlet').fill(code);
  await second.getByRole('button', { name: 'Använd koden' }).click();
  await expect(second.getByTestId('signed-in-as')).toHaveText('Inloggad som Nora Nykomling');

  // edit the profile and choose English: the whole app follows at once
  const profile = second.getByRole('form', { name: 'Min profil' });
  await expect(profile.getByTestId('profile-email')).toHaveText(email);
  await profile.getByLabel('Namn').fill('Nora Berg');
  await profile.getByLabel('Språk').selectOption('en');
  await profile.getByRole('button', { name: 'Spara' }).click();

  await expect(second.getByRole('heading', { level: 1, name: 'Me' })).toBeVisible();
  await expect(second.locator('html')).toHaveAttribute('lang', 'en');
  await expect(second.getByTestId('signed-in-as')).toHaveText('Signed in as Nora Berg');
  const english = second.getByRole('form', { name: 'My profile' });
  await expect(english.getByLabel('Language')).toHaveValue('en');
  await expect(second.getByRole('navigation', { name: 'Main menu' }).getByRole('link')).toHaveText(['Programme', 'Passes', 'Me']);
  await second.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Passes' }).click();
  await expect(second.getByRole('heading', { level: 1, name: 'My passes' })).toBeVisible();

  // The first code proved the address, so PocketBase replaced the password chosen before it
  // (a guard against someone signing up with another person's address): the first device is
  // signed out at its next start, and that password no longer works (docs/DECISIONS.md).
  await page.reload();
  await expect(page.getByRole('button', { name: 'Logga in' })).toBeVisible();
  await page.getByLabel('E-post').fill(email);
  await page.getByLabel('Lösenord').fill('nora-dricker-kaffe-2026');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Fel e-post eller lösenord.');

  // signing in there by code, the app takes the profile's language at once
  await page.getByRole('button', { name: 'Få en kod via e-post' }).click();
  await page.getByLabel('E-post').fill(email);
  await page.getByRole('button', { name: 'Skicka kod' }).click();
  await page.getByLabel('Kod från mejlet').fill(codeIn(await mailTo(email, 1)));
  await page.getByRole('button', { name: 'Använd koden' }).click();
  await expect(page.getByTestId('signed-in-as')).toHaveText('Signed in as Nora Berg');
  await expect(page.getByRole('heading', { level: 1, name: 'Me' })).toBeVisible();

  // sign out
  await second.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Me', exact: true }).click();
  await second.getByRole('button', { name: 'Sign out' }).click();
  await expect(second.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(second.getByTestId('signed-in-as')).toHaveCount(0);
  // bad input is told plainly in English too
  await second.getByRole('button', { name: 'Get a code by email' }).click();
  await second.getByLabel('Email').fill('nora.at.coffice');
  await second.getByRole('button', { name: 'Send code' }).click();
  await expect(second.getByRole('alert')).toHaveText('Type a valid email address, for example name@example.com.');
  await phone.close();
});
