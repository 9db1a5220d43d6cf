// A forgotten password: the mail's link opens the app, a new password is chosen, and it works.
import { mailTo, newGuest, signInWithPassword } from './people';
import { expect, test } from './world';

test('forgotten password: the link in the mail sets a new one', async ({ page }) => {
  const guest = await newGuest('Glenn Glömsk');
  await page.goto('/me');
  await page.getByRole('button', { name: 'Glömt lösenordet?' }).click();
  await page.getByLabel('E-post').fill(guest.email);
  await page.getByRole('button', { name: 'Skicka länk' }).click();
  await expect(page.getByRole('status')).toContainText(`Om det finns ett konto för ${guest.email}`);

  const link = /(https?:\/\/\S+\/me\/reset\?token=[^\s"<]+)/.exec((await mailTo(guest.email)).text)?.[1];
  expect(link).toBeTruthy();
  await page.goto(link!);
  await page.getByLabel('Lösenord (minst 10 tecken)').fill('password123');
  await page.getByRole('button', { name: 'Spara nytt lösenord' }).click();
  await expect(page.getByRole('alert')).toHaveText('Det lösenordet är för vanligt. Välj ett som är svårare att gissa.');
  await page.getByLabel('Lösenord (minst 10 tecken)').fill('glenn-minns-nu-2026');
  await page.getByRole('button', { name: 'Spara nytt lösenord' }).click();
  await expect(page.getByRole('status')).toContainText('Klart! Logga in med ditt nya lösenord.');

  await signInWithPassword(page, { email: guest.email, password: 'glenn-minns-nu-2026' });
  await expect(page.getByTestId('signed-in-as')).toHaveText('Inloggad som Glenn Glömsk');
});
