// Booking a conference room as members do: tomorrow at ten, a colleague's clash is refused
// in plain words, cancelling frees the time, the limit of upcoming bookings is said in words;
// guests are shown the way to membership.
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './world';
import { newGuest, operator } from './operator';
import { signIn } from './people';
import { venueAt } from '../helpers/venue-at';

async function newMember(name: string) {
  const person = await newGuest(name);
  await (await operator()).collection('users').update(person.id, { role: 'member' });
  return person;
}

async function roomsAs(browser: Browser, who: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, who);
  await page.getByRole('navigation').getByRole('link', { name: 'Rum' }).click();
  await expect(page.getByRole('heading', { name: 'Boka rum' })).toBeVisible();
  await page.getByRole('button', { name: 'Nästa dag' }).click();
  return page;
}

async function bookTomorrow(page: Page, room: string, start: string, length: string, title: string) {
  await expect(page.getByTestId('room').filter({ hasText: room })).toBeVisible();
  await page.getByRole('combobox', { name: 'Rum', exact: true }).selectOption({ label: room });
  await page.getByRole('combobox', { name: 'Starttid' }).selectOption(start);
  await page.getByRole('combobox', { name: 'Längd' }).selectOption({ label: length });
  await page.getByLabel('Vad gäller det? (valfritt)').fill(title);
  await page.getByRole('button', { name: 'Boka', exact: true }).click();
}

test('members book a room, a clash is refused, and cancelling frees the time', async ({ browser }) => {
  const admin = await operator();
  const roomName = `Konferensrum Test ${Date.now()}`;
  const room = await admin.collection('spaces').create({ name: roomName, kind: 'meeting_room', capacity: 8, bookable: true });
  const anna = await newMember('Anna Rum');
  const bo = await newMember('Bo Rum');

  const first = await roomsAs(browser, anna);
  await bookTomorrow(first, roomName, '10:00', '1 tim', 'Kundmöte');
  await expect(first.getByTestId('rooms-done')).toHaveText(`Bokat: ${roomName}, 10:00–11:00.`);
  const annasCard = first.getByTestId('room').filter({ hasText: roomName });
  await expect(annasCard.getByTestId('booking')).toHaveText(/10:00–11:00\s*Kundmöte · Din bokning/);
  // another day shows that day's bookings only, and back again
  await first.getByRole('button', { name: 'Föregående dag' }).click();
  await expect(annasCard).toContainText('Ledigt hela dagen.');
  await first.getByRole('button', { name: 'Nästa dag' }).click();
  await expect(annasCard.getByTestId('booking')).toContainText('Kundmöte');

  // a colleague wants the same room half an hour later: the server says no, in words
  const second = await roomsAs(browser, bo);
  await bookTomorrow(second, roomName, '10:30', '1 tim', 'Intervju');
  await expect(second.getByTestId('rooms-error')).toHaveText('Rummet är redan bokat då. Välj en annan tid eller det andra rummet.');
  const bosCard = second.getByTestId('room').filter({ hasText: roomName });
  await expect(bosCard.getByTestId('booking')).toHaveText(/10:00–11:00\s*Kundmöte/);
  await expect(bosCard.getByRole('button', { name: /Avboka/ })).toHaveCount(0); // not Bo's to cancel

  // Anna cancels; now Bo gets the time
  await annasCard.getByRole('button', { name: `Avboka ${roomName} 10:00–11:00` }).click();
  await expect(first.getByTestId('rooms-done')).toHaveText('Bokningen är avbokad.');
  await expect(annasCard).toContainText('Ledigt hela dagen.');
  await second.getByRole('button', { name: 'Boka', exact: true }).click();
  await expect(second.getByTestId('rooms-done')).toHaveText(`Bokat: ${roomName}, 10:30–11:30.`);

  const stored = await admin.collection('bookings').getFullList({ filter: `space = "${room.id}"` });
  expect(stored.map((b) => [b.user, b.title])).toEqual([[bo.id, 'Intervju']]);

  // without network the screen says why it cannot book, instead of pretending
  await second.context().setOffline(true);
  await expect(second.getByTestId('rooms-offline')).toBeVisible();
  await expect(second.getByRole('button', { name: 'Boka', exact: true })).toBeDisabled();
  await second.context().close();
  await first.context().close();
});

test('a member at the limit of upcoming bookings is told so in words; days stop 90 ahead', async ({ browser }) => {
  const admin = await operator();
  const roomName = `Konferensrum Gräns ${Date.now()}`;
  const room = await admin.collection('spaces').create({ name: roomName, kind: 'meeting_room', capacity: 8, bookable: true });
  const cecilia = await newMember('Cecilia Rum');
  for (let days = 2; days < 12; days++) {
    await admin.collection('bookings').create({ space: room.id, user: cecilia.id, starts: venueAt(days, '08:00'), ends: venueAt(days, '09:00') });
  }
  const page = await roomsAs(browser, cecilia);
  await expect(page.getByTestId('rooms-day')).toHaveAttribute('max', venueAt(90, '12:00').slice(0, 10));
  await bookTomorrow(page, roomName, '14:15', '30 min', 'Ett till');
  await expect(page.getByTestId('rooms-error')).toHaveText('Du har redan 10 kommande bokningar. Avboka någon för att boka en ny.');
  expect(await admin.collection('bookings').getFullList({ filter: `space = "${room.id}"` })).toHaveLength(10);
  await page.context().close();
});

test('a guest finds no booking, but the way to membership and the member companies', async ({ page }) => {
  const admin = await operator();
  const company = `Reklambyrån ${Date.now()}`;
  await admin.collection('companies').create({ name: company, seat: 'fixed', website: 'https://example.com' });
  const guest = await newGuest('Gäst Rum');
  await signIn(page, guest);
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Rum' })).toHaveCount(0);
  await page.goto('/rooms');
  await expect(page.getByTestId('rooms-members-only')).toContainText('Ditt konto är ett gästkonto');
  await page.getByRole('link', { name: 'Så blir du medlem' }).click();
  await expect(page).toHaveURL(/\/join$/);
  await expect(page.getByRole('heading', { name: 'Bli medlem', level: 1 })).toBeVisible();
  await expect(page.getByTestId('join-members').getByRole('link', { name: company })).toHaveAttribute('href', 'https://example.com');
});
