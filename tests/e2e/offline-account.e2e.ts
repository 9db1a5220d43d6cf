// Someone signed in opens the app without a network: still signed in, their own data shown.
import { asHost, newGuest, signInWithPassword, waitForServiceWorker } from './people';
import { expect, test } from './world';

test('signed in, network off, reload: still signed in with their own data', async ({ page, context }) => {
  const guest = await newGuest('Olle Offline');
  const host = await asHost();
  const company = await host.collection('companies').create({ name: `Olles Snickeri ${Date.now()}`, seat: 'flex' });
  await host.collection('users').update(guest.user.id, { company: company.id });

  await signInWithPassword(page, guest);
  await expect(page.getByTestId('signed-in-as')).toHaveText('Inloggad som Olle Offline');
  await expect(page.getByTestId('profile-company')).toHaveText(`Företag: ${company.name}`);
  await waitForServiceWorker(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('offline-notice')).toBeVisible();
  await expect(page.getByTestId('signed-in-as')).toHaveText('Inloggad som Olle Offline');
  await expect(page.getByTestId('profile-email')).toHaveText(guest.email);
  await expect(page.getByTestId('profile-company')).toHaveText(`Företag: ${company.name}`);
  await expect(page.getByRole('form', { name: 'Min profil' }).getByLabel('Namn')).toHaveValue('Olle Offline');
  await context.setOffline(false);
});
