// Desks by the day on a phone, offline first: a desk booked without network is pending on the
// device (and still there after a reload), then confirmed once online; a day that filled up
// meanwhile (the operator books its last desks) is refused with that reason in words, and the
// refused booking stays listed until the member dismisses it. Guests hear how to join.
import { E2E, expect, test } from './world';
import { newGuest, operator } from './operator';
import { signIn, waitForServiceWorker } from './people';
import { dayOf, dayEnd, dayStart, shiftDay, toStored } from '../../src/lib/time/venue-clock';

async function newMember(name: string) {
  const person = await newGuest(name);
  await (await operator()).collection('users').update(person.id, { role: 'member' });
  return person;
}

test('a desk booked offline is pending, then confirmed online; a day filled meanwhile is refused with its reason', async ({
  page,
  context,
}) => {
  const admin = await operator();
  const space = await admin.collection('spaces').getFirstListItem(`name = "${E2E.openArea}"`); // 3 desks (global-setup.ts)
  const anna = await newMember('Anna Plats');
  const [first, second] = [dayOf(Date.now()), shiftDay(dayOf(Date.now()), 1)].map((d) => shiftDay(d, 1));

  await signIn(page, anna);
  await waitForServiceWorker(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Platser' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Boka en plats för dagen' })).toBeVisible();
  const day = (d: string) => page.getByTestId('desk-day').and(page.locator(`[data-day="${d}"]`));
  await expect(page.getByTestId('desk-day')).toHaveCount(14);
  await expect(day(second)).toContainText('3 av 3 lediga');

  await context.setOffline(true);
  await day(first)
    .getByRole('button', { name: /^Boka plats/ })
    .click();
  await day(second)
    .getByRole('button', { name: /^Boka plats/ })
    .click();
  const mine = page.getByTestId('my-desk-day');
  await expect(mine).toHaveCount(2);
  await expect(mine.and(page.locator('[data-state="pending"]'))).toHaveCount(2);
  await expect(mine.first()).toContainText('Väntar – bekräftas när telefonen är online');
  await expect(day(second)).toContainText('2 av 3 lediga');

  // meanwhile the operator books the second day's remaining desks
  for (const name of ['Bo Plats', 'Cecilia Plats', 'David Plats']) {
    const other = await newMember(name);
    await admin
      .collection('bookings')
      .create({ space: space.id, user: other.id, starts: toStored(dayStart(second)), ends: toStored(dayEnd(second)) });
  }

  // nothing is lost in a reload without network
  await page.reload();
  await expect(mine.and(page.locator('[data-state="pending"]'))).toHaveCount(2);

  await context.setOffline(false);
  await expect(mine).toHaveCount(1);
  await expect(mine).toHaveAttribute('data-day', first);
  await expect(mine).toHaveAttribute('data-state', 'booked');
  await expect(day(first)).toContainText('Din plats');
  const refused = page.getByTestId('desk-refused');
  await expect(refused).toHaveAttribute('data-reason', 'booking_full');
  await expect(refused).toContainText('bokades inte: Alla platser är tagna den dagen.');
  await expect(day(second)).toContainText('Fullt');
  await expect(day(second).getByRole('button', { name: /^Boka plats/ })).toBeDisabled();

  // the refusal stays until it is dismissed
  await page.reload();
  await expect(refused).toContainText('Alla platser är tagna den dagen.');
  await refused.getByRole('button', { name: /^Stäng meddelandet/ }).click();
  await expect(refused).toHaveCount(0);

  const stored = await admin.collection('bookings').getFullList({ filter: `user = "${anna.id}"` });
  expect(stored.map((b) => dayOf(new Date(b.starts)))).toEqual([first]);
});

test('guests are shown the way to membership instead of desks', async ({ page }) => {
  await signIn(page, await newGuest('Gäst Plats'));
  await page.goto('/desks');
  await expect(page.getByTestId('desks-members-only')).toContainText('Ditt konto är ett gästkonto');
  await expect(page.getByTestId('desks-members-only').getByRole('link', { name: 'Så blir du medlem' })).toHaveAttribute('href', '/join');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Platser' })).toHaveCount(0);
});
