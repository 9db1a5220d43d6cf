// The host decides who is a member: promoting a guest puts a member pass on their phone;
// demoting revokes it, and the door's scan route then answers "revoked".
import { PASSWORD } from '../helpers/server';
import { operator } from './operator';
import { asHost, newGuest, signInWithPassword, uniqueEmail } from './people';
import { E2E, expect, test } from './world';

test('a host promotes a guest to member and the pass appears on their device; demoted, the door answers revoked', async ({
  page,
  browser,
  baseURL,
}) => {
  const guest = await newGuest('Gustav Gäst');

  // the guest's own phone: no member pass yet, and no host screens
  const phone = await browser.newContext({ baseURL, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  const device = await phone.newPage();
  await signInWithPassword(device, guest);
  await expect(device.getByTestId('signed-in-as')).toHaveText('Inloggad som Gustav Gäst');
  await device.goto('/host/people');
  await expect(device.getByRole('alert')).toContainText('Det här är bara för värdar.');
  await device.goto('/passes');
  await expect(device.getByText('Du har inga passerkort ännu.', { exact: false })).toBeVisible();

  // the host promotes them
  await signInWithPassword(page, E2E.host);
  await page.getByRole('link', { name: 'Personer' }).click();
  await page.getByRole('searchbox', { name: 'Sök namn eller e-post' }).fill(guest.email);
  const card = page.getByTestId('person').filter({ hasText: guest.email });
  await expect(card).toHaveCount(1);
  // a role change asks first; Cancel (or Escape) keeps the old role
  await card.getByLabel('Roll').selectOption('member');
  const ask = page.getByRole('dialog', { name: 'Byta roll?' });
  await expect(ask).toContainText('Ge Gustav Gäst rollen medlem i stället för gäst?');
  await page.screenshot({ path: 'test-results/role-confirm-sv.png' });
  await ask.getByRole('button', { name: 'Avbryt' }).click();
  await expect(ask).toHaveCount(0);
  await expect(card.getByLabel('Roll')).toHaveValue('guest');
  await expect(card.getByLabel('Roll')).toBeFocused();
  await card.getByLabel('Roll').selectOption('member');
  await page.keyboard.press('Escape');
  await expect(ask).toHaveCount(0);
  await expect(card.getByLabel('Roll')).toHaveValue('guest');
  expect((await guest.pb.collection('users').getOne(guest.user.id)).role).toBe('guest');
  await card.getByLabel('Roll').selectOption('member');
  await ask.getByRole('button', { name: 'Byt roll' }).click();
  await expect(page.getByRole('status')).toHaveText('Sparat: Gustav Gäst');

  // the member pass is on their device
  await device.reload();
  await expect(device.getByText('Medlem', { exact: true })).toBeVisible();
  const [memberPass] = await guest.pb.collection('passes').getFullList({ filter: `holder = "${guest.user.id}" && kind = "member"` });
  expect(memberPass.revoked).toBe(false);
  const door = await asHost();
  const scan = (device: string) =>
    door.send<{ verdict: string }>('/api/coffice/scan', { method: 'POST', body: { code: memberPass.code, device } });
  expect((await scan('e2e-front-door')).verdict).toBe('admitted');

  // demoted: the pass is revoked and leaves their device
  await card.getByLabel('Roll').selectOption('guest');
  await page.getByRole('dialog', { name: 'Byta roll?' }).getByRole('button', { name: 'Byt roll' }).click();
  await expect(page.getByRole('status')).toHaveText('Sparat: Gustav Gäst');
  expect((await guest.pb.collection('passes').getOne(memberPass.id)).revoked).toBe(true);
  expect((await scan('e2e-front-door')).verdict).toBe('revoked');
  await device.reload();
  await expect(device.getByText('Du har inga passerkort ännu.', { exact: false })).toBeVisible();
  await expect(device.getByText('Medlem', { exact: true })).toHaveCount(0);
  await phone.close();
});

test('a host assigns a person to a company, and their profile shows it', async ({ page, browser, baseURL }) => {
  const guest = await newGuest('Klara Kollega');
  const company = await (await asHost()).collection('companies').create({ name: `Klaras Konsult ${guest.user.id}`, seat: 'flex' });

  await signInWithPassword(page, E2E.host);
  await page.getByRole('link', { name: 'Personer' }).click();
  await page.getByRole('searchbox', { name: 'Sök namn eller e-post' }).fill('Klara Kollega');
  const card = page.getByTestId('person').filter({ hasText: guest.email });
  await card.getByLabel('Företag').selectOption(company.id);
  await expect(page.getByRole('status')).toHaveText('Sparat: Klara Kollega');

  const phone = await browser.newContext({ baseURL, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  const device = await phone.newPage();
  await signInWithPassword(device, guest);
  await expect(device.getByTestId('profile-company')).toHaveText(`Företag: ${company.name}`);
  await phone.close();
});

test('walk-ins and unfinished sign-ups show as what they are, never as a placeholder address', async ({ page }) => {
  const stamp = Date.now().toString(36);
  const door = await asHost();
  const id = `w${stamp}`.padEnd(15, '0').slice(0, 15);
  await door.send('/api/coffice/walk-in', { method: 'POST', body: { id, name: `Karin Ek ${stamp}`, device: 'e2e-front-door' } });
  const nameless = uniqueEmail('halfway');
  await (await operator()).collection('users').create({ email: nameless, password: PASSWORD, passwordConfirm: PASSWORD });

  await signInWithPassword(page, E2E.host);
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
  await page.goto('/host/people');
  const search = page.getByRole('searchbox', { name: 'Sök namn eller e-post' });
  await search.fill(`Karin Ek ${stamp}`);
  const walkIn = page.getByTestId('person').filter({ hasText: `Karin Ek ${stamp}` });
  await expect(walkIn).toContainText('Släppts in vid dörren, ingen e-post');
  await expect(walkIn).not.toContainText('walk-in.invalid');
  await search.fill(nameless);
  const halfway = page.getByTestId('person').filter({ hasText: nameless });
  await expect(halfway.locator('strong')).toHaveText('Har inte slutfört registreringen');
  await page.screenshot({ path: 'test-results/people-unfinished-sv.png', fullPage: true });

  await page.evaluate(() => localStorage.setItem('PARAGLIDE_LOCALE', 'en'));
  await page.reload();
  await page.getByRole('searchbox', { name: 'Search name or email' }).fill(`Karin Ek ${stamp}`);
  await expect(page.getByTestId('person').filter({ hasText: `Karin Ek ${stamp}` })).toContainText('Let in at the door, no e-mail');
  const role = page
    .getByTestId('person')
    .filter({ hasText: `Karin Ek ${stamp}` })
    .getByLabel('Role');
  await role.selectOption('member');
  const ask = page.getByRole('dialog', { name: 'Change the role?' });
  await expect(ask).toContainText(`Make Karin Ek ${stamp} a member instead of a guest?`);
  await page.screenshot({ path: 'test-results/role-confirm-en.png' });
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(role).toHaveValue('guest');
});
