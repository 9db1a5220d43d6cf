// Booking a conference room as members do: tomorrow at ten, a colleague's clash is refused
// in plain words, cancelling (after a confirmation) frees the time, the limit of upcoming
// bookings is said in words; "Mina bokningar" lists one's own upcoming bookings on any day;
// guests are shown the way to membership.
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './world';
import { newGuest, operator } from './operator';
import { signIn } from './people';
import { dayOf, fromStored, shiftDay } from '../../src/lib/time/venue-clock';
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
  // the form books the day shown: wait until tomorrow is the day shown
  await expect(page.getByRole('textbox', { name: 'Dag' })).toHaveValue(shiftDay(dayOf(Date.now()), 1));
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
  await expect(first.getByRole('textbox', { name: 'Dag' })).toHaveValue(shiftDay(dayOf(Date.now()), 1));
  await expect(annasCard.getByTestId('booking')).toContainText('Kundmöte');

  // a colleague wants the same room half an hour later: the server says no, in words
  const second = await roomsAs(browser, bo);
  await bookTomorrow(second, roomName, '10:30', '1 tim', 'Intervju');
  await expect(second.getByTestId('rooms-error')).toHaveText('Rummet är redan bokat då. Välj en annan tid eller det andra rummet.');
  const bosCard = second.getByTestId('room').filter({ hasText: roomName });
  await expect(bosCard.getByTestId('booking')).toHaveText(/10:00–11:00\s*Kundmöte/);
  await expect(bosCard.getByRole('button', { name: /Avboka/ })).toHaveCount(0); // not Bo's to cancel

  // Anna cancels (and confirms); now Bo gets the time
  await annasCard.getByRole('button', { name: `Avboka ${roomName} 10:00–11:00` }).click();
  await first.getByRole('dialog', { name: 'Avboka bokningen?' }).getByRole('button', { name: 'Ja, avboka' }).click();
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

/** The venue's day as the screen words it, capitalised ("Tisdag 1 december"), by Intl itself. */
function venueDay(stored: string, locale: 'sv-SE' | 'en-GB') {
  const words = new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Stockholm', weekday: 'long', day: 'numeric', month: 'long' }).format(
    fromStored(stored),
  );
  return words.charAt(0).toLocaleUpperCase(locale) + words.slice(1);
}

test('"Mina bokningar" lists my upcoming bookings on any day; cancelling asks and "Avbryt" keeps it', async ({ browser }) => {
  const admin = await operator();
  const roomName = `Konferensrum Mina ${Date.now()}`;
  const room = await admin.collection('spaces').create({ name: roomName, kind: 'meeting_room', capacity: 6, bookable: true });
  const dora = await newMember('Dora Rum');
  const other = await newMember('Olle Rum');
  const at = (days: number, from: string, to: string, user: string, title: string) =>
    admin.collection('bookings').create({ space: room.id, user, title, starts: venueAt(days, from), ends: venueAt(days, to) });
  await at(5, '13:00', '14:00', dora.id, 'Styrelsemöte');
  const planning = await at(2, '09:00', '10:30', dora.id, 'Planering');
  await at(-1, '08:00', '09:00', dora.id, 'Igår'); // over: not listed
  await at(3, '11:00', '12:00', other.id, 'Olles möte'); // someone else's: not listed

  const page = await roomsAs(browser, dora);
  const mine = page.getByTestId('rooms-mine');
  await expect(mine.getByRole('heading', { name: 'Mina bokningar' })).toBeVisible();
  const rows = mine.getByTestId('my-booking');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(venueDay(venueAt(2, '09:00'), 'sv-SE'));
  await expect(rows.nth(0)).toContainText('09:00–10:30');
  await expect(rows.nth(0)).toContainText(`${roomName} · Planering`);
  await expect(rows.nth(1)).toContainText(venueDay(venueAt(5, '13:00'), 'sv-SE'));
  await expect(rows.nth(1)).toContainText('13:00–14:00');
  await expect(rows.nth(1)).toContainText('Styrelsemöte');

  // cancelling asks first; "Avbryt" keeps the booking, on the screen and on the server
  await rows
    .nth(0)
    .getByRole('button', { name: /^Avboka/ })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Avboka bokningen?' });
  await expect(dialog).toContainText(`${roomName}, ${venueDay(venueAt(2, '09:00'), 'sv-SE').toLocaleLowerCase('sv')} 09:00–10:30.`);
  await expect(dialog).toContainText('Planering');
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(rows).toHaveCount(2);
  expect((await admin.collection('bookings').getOne(planning.id)).title).toBe('Planering');
  // Escape keeps it too
  await rows
    .nth(0)
    .getByRole('button', { name: /^Avboka/ })
    .click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect((await admin.collection('bookings').getOne(planning.id)).id).toBe(planning.id);

  // confirming removes it, from the list and from the server
  await rows
    .nth(0)
    .getByRole('button', { name: /^Avboka/ })
    .click();
  await dialog.getByRole('button', { name: 'Ja, avboka' }).click();
  await expect(page.getByTestId('rooms-done')).toHaveText('Bokningen är avbokad.');
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0)).toContainText('Styrelsemöte');
  const left = await admin.collection('bookings').getFullList({ filter: `user = "${dora.id}"`, sort: 'starts' });
  expect(left.map((b) => b.title)).toEqual(['Igår', 'Styrelsemöte']);

  await rows
    .nth(0)
    .getByRole('button', { name: /^Avboka/ })
    .click();
  await dialog.getByRole('button', { name: 'Ja, avboka' }).click();
  await expect(mine.getByTestId('rooms-mine-empty')).toHaveText('Du har inga kommande bokningar. Välj en dag nedan för att boka ett rum.');
  await page.context().close();
});

test('"My bookings" and the cancel question in English', async ({ browser }) => {
  const admin = await operator();
  const roomName = `Meeting Room ${Date.now()}`;
  const room = await admin.collection('spaces').create({ name: roomName, kind: 'meeting_room', capacity: 6, bookable: true });
  const erik = await newMember('Erik Room');
  await admin.collection('users').update(erik.id, { locale: 'en' }); // signing in follows the profile's language
  const demo = await admin
    .collection('bookings')
    .create({ space: room.id, user: erik.id, title: 'Demo', starts: venueAt(4, '10:00'), ends: venueAt(4, '11:00') });

  const page = await (await browser.newContext()).newPage();
  await signIn(page, erik);
  await page.getByRole('navigation').getByRole('link', { name: 'Rooms' }).click();
  const mine = page.getByTestId('rooms-mine');
  await expect(mine.getByRole('heading', { name: 'My bookings' })).toBeVisible();
  const row = mine.getByTestId('my-booking');
  await expect(row).toContainText(`${venueDay(venueAt(4, '10:00'), 'en-GB')}`);
  await expect(row).toContainText('10:00–11:00');
  await row.getByRole('button', { name: /^Cancel/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Cancel this booking?' });
  await expect(dialog).toContainText('The time becomes free for others.');
  await dialog.getByRole('button', { name: 'Keep it' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row).toHaveCount(1);
  expect((await admin.collection('bookings').getOne(demo.id)).title).toBe('Demo');
  await row.getByRole('button', { name: /^Cancel/ }).click();
  await dialog.getByRole('button', { name: 'Yes, cancel it' }).click();
  await expect(page.getByTestId('rooms-done')).toHaveText('The booking is cancelled.');
  await expect(mine.getByTestId('rooms-mine-empty')).toHaveText('You have no upcoming bookings. Choose a day below to book a room.');
  expect(await admin.collection('bookings').getFullList({ filter: `user = "${erik.id}"` })).toHaveLength(0);
  await page.context().close();
});

test('a member at the limit of upcoming bookings is told so in words; days stop 90 ahead', async ({ browser }) => {
  const admin = await operator();
  const roomName = `Konferensrum Gräns ${Date.now()}`;
  const room = await admin.collection('spaces').create({ name: roomName, kind: 'meeting_room', capacity: 8, bookable: true });
  const cecilia = await newMember('Cecilia Rum');
  for (let days = 2; days < 12; days++) {
    await admin
      .collection('bookings')
      .create({ space: room.id, user: cecilia.id, starts: venueAt(days, '08:00'), ends: venueAt(days, '09:00') });
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
  // /join lists the companies that chose to be listed (issue #15)
  await admin.collection('companies').create({ name: company, seat: 'fixed', website: 'https://example.com', listed: true });
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
