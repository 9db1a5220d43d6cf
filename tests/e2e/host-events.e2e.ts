// A host plans an event from the phone: creates it as a draft (the form refuses an end
// before the start, in Swedish), publishes it so it appears in the programme, downloads
// the participant list, and cancels it so the programme shows it cancelled.
import fs from 'node:fs';
import { E2E, expect, test } from './world';
import { signIn } from './people';
import { newGuest, operator } from './operator';

/** Tomorrow's date in Stockholm as `YYYY-MM-DD`. */
function tomorrowInStockholm(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' }).format(new Date(Date.now() + 24 * 3600 * 1000));
}

test('a host creates, publishes and cancels an event, and the programme follows', async ({ page, browser }) => {
  const title = `Kvällskurs i bokföring ${Date.now()}`;
  const day = tomorrowInStockholm();
  await signIn(page, E2E.host);

  await page.goto('/host/events');
  await expect(page.getByRole('heading', { level: 1, name: 'Evenemang' })).toBeVisible();
  // the new-event button stands clear of the shelf buttons under it
  const button = (await page.getByRole('link', { name: 'Nytt evenemang' }).boundingBox())!;
  const shelves = (await page.getByRole('group', { name: 'Visa evenemang' }).boundingBox())!;
  expect(shelves.y - (button.y + button.height)).toBeGreaterThanOrEqual(16);
  await page.screenshot({ path: 'test-results/host-events-list-sv.png' });
  await page.getByRole('link', { name: 'Nytt evenemang' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nytt evenemang' })).toBeVisible();

  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Kort beskrivning').fill('Grunderna för småföretagare.');
  await page.getByLabel('Typ').selectOption({ label: 'Kurs' });
  await page.getByLabel('Lokal').selectOption({ label: 'Eventytan' });
  await page.getByLabel('Talare').fill('Karin Åström');
  await page.getByLabel('Börjar (svensk tid)').fill(`${day}T18:00`);
  await page.getByLabel('Slutar (svensk tid)').fill(`${day}T17:00`);
  // a new event has no limit until one is typed, and says so in words
  await expect(page.getByLabel('Antal platser')).toHaveValue('');
  await expect(page.getByLabel('Antal platser')).toHaveAttribute('placeholder', 'Obegränsat');
  await expect(page.getByText('Lämna tomt för obegränsat antal platser.')).toBeVisible();
  await page.getByLabel('Antal platser').fill('12');
  await page.getByRole('button', { name: 'Spara som utkast' }).click();
  await expect(page.getByText('Sluttiden måste vara efter starttiden.')).toBeVisible();
  await expect(page).toHaveURL(/\/host\/events\/new$/);

  await page.getByLabel('Slutar (svensk tid)').fill(`${day}T20:00`);
  await page.getByRole('button', { name: 'Spara som utkast' }).click();
  await expect(page).toHaveURL(/\/host\/events\/[a-z0-9]{15}$/);
  await expect(page.getByTestId('event-status')).toHaveText('Utkast');
  await expect(page.getByLabel('Börjar (svensk tid)')).toHaveValue(`${day}T18:00`);

  await page.getByRole('button', { name: 'Publicera' }).click();
  await expect(page.getByTestId('event-status')).toHaveText('Publicerat');
  await expect(page.getByText('Publicerat. Evenemanget syns nu i programmet.')).toBeVisible();

  // someone else, not signed in, finds it in the programme at 18:00
  const visitor = await browser.newContext();
  const programme = await visitor.newPage();
  await programme.goto('/');
  const card = programme.locator('article', { has: programme.getByRole('link', { name: title }) });
  await expect(card).toBeVisible();
  await expect(card).toContainText('18:00');

  // the participant list downloads as a CSV Excel reads as UTF-8
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ladda ner deltagarlistan (CSV)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^participants-\d{4}-\d{2}-\d{2}-Kvallskurs-i-bokforing-\d+\.csv$/);
  const csv = fs.readFileSync(await file.path());
  expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  // in the host's language
  expect(csv.subarray(3).toString('utf8')).toBe('status;plats;namn;e-post;anmäld (svensk tid)\r\n');

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Ställ in evenemanget' }).click();
  await expect(page.getByTestId('event-status')).toHaveText('Inställt');
  await expect(page.getByRole('button', { name: 'Ställ in evenemanget' })).toHaveCount(0);

  await programme.reload();
  await expect(card).toContainText('Inställt');
  await visitor.close();
});

test('an event that has already ended cannot be published, and the host is told why (sv, en); marking it cancelled says nobody is told', async ({
  page,
}) => {
  const title = `Gammal kurs ${Date.now()}`;
  await signIn(page, E2E.host);
  await page.goto('/host/events/new');
  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Börjar (svensk tid)').fill('2020-03-10T18:00');
  await page.getByLabel('Slutar (svensk tid)').fill('2020-03-10T20:00');
  await page.getByRole('button', { name: 'Spara som utkast' }).click();
  await expect(page).toHaveURL(/\/host\/events\/[a-z0-9]{15}$/);
  await page.getByRole('button', { name: 'Publicera' }).click();
  await expect(page.getByRole('alert')).toHaveText('Evenemanget har redan slutat och kan inte publiceras. Ändra tiden om det ska gå igen.');
  await expect(page.getByTestId('event-status')).toHaveText('Utkast');
  await page.screenshot({ path: 'test-results/publish-ended-sv.png', fullPage: true });

  await page.evaluate(() => localStorage.setItem('PARAGLIDE_LOCALE', 'en'));
  await page.reload();
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'The event has already ended and cannot be published. Change its time if it is to run again.',
  );
  await expect(page.getByTestId('event-status')).toHaveText('Draft');
  await page.screenshot({ path: 'test-results/publish-ended-en.png', fullPage: true });

  // marking it cancelled afterwards (it did not take place) asks what that means: nobody is told
  const asked: string[] = [];
  page.once('dialog', (dialog) => void (asked.push(dialog.message()), dialog.accept()));
  await page.getByRole('button', { name: 'Cancel the event' }).click();
  await expect(page.getByTestId('event-status')).toHaveText('Cancelled');
  expect(asked).toEqual([
    `Mark “${title}” as cancelled? It has already taken place: nobody is told, and it counts as cancelled in the statistics.`,
  ]);
});

test('fewer places than people confirmed: the server refuses, and the form words its code on the field (sv, en)', async ({ page }) => {
  const admin = await operator();
  const title = `Fullsatt frukost ${Date.now()}`;
  const event = await admin.collection('events').create({
    title,
    kind: 'breakfast',
    status: 'published',
    starts: new Date(Date.now() + 24 * 3600 * 1000).toISOString(),
    ends: new Date(Date.now() + 26 * 3600 * 1000).toISOString(),
    capacity: 5,
  });
  for (const name of ['Anna Ek', 'Bo Ek']) {
    const guest = await newGuest(name);
    await admin.collection('registrations').create({ event: event.id, user: guest.id });
  }
  await signIn(page, E2E.host);
  await page.goto(`/host/events/${event.id}`);
  await page.getByLabel('Antal platser').fill('1');
  await page.getByRole('button', { name: 'Spara ändringar' }).click();
  const problem = page.locator('#problem-capacity');
  await expect(problem).toHaveText('2 personer är redan bekräftade, så det kan inte bli färre platser än så.');
  await expect(page.getByLabel('Antal platser')).toHaveAttribute('aria-invalid', 'true');

  await page.evaluate(() => localStorage.setItem('PARAGLIDE_LOCALE', 'en'));
  await page.reload();
  await page.getByLabel('Places').fill('1');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(problem).toHaveText('2 people are already confirmed, so there cannot be fewer places than that.');
  expect((await admin.collection('events').getOne(event.id)).capacity).toBe(5);
});
