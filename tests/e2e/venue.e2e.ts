// The venue's name and address are its settings: the host edits them at her desk, and a
// guest's event page (and /join) shows the new ones, also after going offline.
import { operator } from './operator';
import { signIn, waitForServiceWorker } from './people';
import { E2E, expect, test } from './world';

const VENUE_ID = 'venuesettings01';

test('the host edits the venue; the event page and /join show it, offline too', async ({ page, browser, baseURL }) => {
  const admin = await operator();
  const before = await admin.collection('venue').getOne(VENUE_ID);
  expect(before).toMatchObject({ name: 'Coffice Söderköping', address: 'Hagatorget 1, 614 30 Söderköping' });
  const event = await admin.collection('events').create({
    title: `Platsprov ${Date.now()}`,
    kind: 'talk',
    status: 'published',
    capacity: 0,
    starts: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    ends: new Date(Date.now() + 3 * 86_400_000 + 3_600_000).toISOString(),
  });
  try {
    // a guest's phone knows the demo venue
    const phone = await browser.newContext({ baseURL, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
    const device = await phone.newPage();
    await device.goto(`/events/${event.id}`);
    await expect(device.getByTestId('venue')).toHaveText(/Coffice Söderköping\s*Hagatorget 1, 614 30 Söderköping/);

    await signIn(page, E2E.host);
    await page.goto('/host/people');
    await page.getByRole('navigation', { name: 'Värdverktyg' }).getByRole('link', { name: 'Platsen' }).click();
    await expect(page.getByRole('heading', { name: 'Platsen', level: 1 })).toBeVisible();
    await expect(page.getByLabel('Namn')).toHaveValue('Coffice Söderköping');
    await page.getByLabel('Kartlänk (valfri)').fill('karta punkt se');
    await page.getByRole('button', { name: 'Spara platsen' }).click();
    await expect(page.getByRole('alert')).toHaveText('Kartlänk (valfri): skriv en hel webbadress, t.ex. https://exempel.se.');
    await page.getByLabel('Namn').fill('Coffice vid ån');
    await page.getByLabel('Adress').fill('Storgatan 5, 614 30 Söderköping');
    await page.getByLabel('Kartlänk (valfri)').fill('');
    await page.getByRole('button', { name: 'Spara platsen' }).click();
    await expect(page.getByRole('status')).toHaveText('Platsen är sparad.');
    await page.screenshot({ path: 'test-results/host-venue-sv.png', fullPage: true });
    expect(await admin.collection('venue').getOne(VENUE_ID)).toMatchObject({ name: 'Coffice vid ån', map_url: '' });

    // the guest's next visit shows the new venue, and keeps it offline
    await device.reload();
    await expect(device.getByTestId('venue')).toHaveText(/Coffice vid ån\s*Storgatan 5, 614 30 Söderköping/);
    await device.goto('/join');
    const join = device.getByTestId('venue');
    await expect(join).toContainText('Storgatan 5, 614 30 Söderköping');
    await expect(join.getByRole('link')).toHaveAttribute(
      'href',
      'https://www.openstreetmap.org/search?query=Coffice%20vid%20%C3%A5n%2C%20Storgatan%205%2C%20614%2030%20S%C3%B6derk%C3%B6ping',
    );
    await device.screenshot({ path: 'test-results/join-venue-sv.png', fullPage: true });
    await device.goto(`/events/${event.id}`);
    await expect(device.getByTestId('venue')).toContainText('Coffice vid ån');
    await waitForServiceWorker(device);
    await phone.setOffline(true);
    await device.reload();
    await expect(device.getByRole('heading', { name: event.title })).toBeVisible();
    await expect(device.getByTestId('venue')).toHaveText(/Coffice vid ån\s*Storgatan 5/);
    await phone.close();
  } finally {
    await admin.collection('venue').update(VENUE_ID, { name: before.name, address: before.address, map_url: before.map_url });
    await admin.collection('events').delete(event.id);
  }
});
