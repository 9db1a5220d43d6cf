// Issue #12, the guest side: from a talk to its pass for a newcomer, signing in back to where
// one was, a name before registering, asking before cancelling, the truth about the waitlist,
// a cancelled event, the app's own 404, links in descriptions, plurals, past items, and the
// install offer wherever people are.
import type { Locator, Page } from '@playwright/test';
import { codeIn } from '../helpers/mail-sink';
import { createEvent, minutesFromNow } from '../helpers/server';
import { mailTo, signIn, uniqueEmail } from './people';
import { newGuest, operator } from './operator';
import { E2E, expect, test } from './world';

/** Taps (clicks) a person makes, counted. */
function tapCounter(page: Page) {
  let taps = 0;
  return {
    tap: async (target: Locator) => {
      taps += 1;
      await target.click();
    },
    get count() {
      return taps;
    },
    page,
  };
}

async function talk() {
  const admin = await operator();
  return admin.collection('events').getFirstListItem(`title = "${E2E.talkTitle}"`);
}

test('a newcomer goes from a talk to its pass in 4 taps, signing up by a mailed code', async ({ page }) => {
  const event = await talk();
  const email = uniqueEmail('first-visit');
  const taps = tapCounter(page);

  await page.goto(`/events/${event.id}`);
  await expect(page.getByRole('heading', { level: 1, name: E2E.talkTitle })).toBeVisible();
  await taps.tap(page.getByRole('link', { name: 'Anmäl mig' })); // 1

  // the sign-in screen starts at the code, which signs a newcomer up
  await expect(page).toHaveURL(new RegExp(`/me\\?next=${encodeURIComponent(`/events/${event.id}`)}$`));
  await page.getByLabel('Namn (om du är ny här)').fill('Vera Första');
  await page.getByLabel('E-post').fill(email);
  await taps.tap(page.getByRole('button', { name: 'Skicka kod' })); // 2
  await page.getByLabel('Kod från mejlet').fill(codeIn(await mailTo(email)));
  await taps.tap(page.getByRole('button', { name: 'Använd koden' })); // 3

  // back at the talk, the registration completes by itself
  await expect(page).toHaveURL(new RegExp(`/events/${event.id}$`));
  await expect(page.getByTestId('registration-state')).toHaveAttribute('data-state', 'confirmed');
  await taps.tap(page.getByRole('link', { name: 'Visa passerkortet' })); // 4

  await expect(page.locator('[data-qr]')).toBeVisible();
  await expect(page.getByTestId('pass-holder')).toHaveText('Vera Första');
  expect(taps.count).toBeLessThanOrEqual(4);

  const admin = await operator();
  const user = await admin.collection('users').getFirstListItem(admin.filter('email = {:email}', { email }));
  expect(user.name).toBe('Vera Första');
  await expect
    .poll(async () =>
      (await admin.collection('registrations').getFullList({ filter: `user = "${user.id}" && event = "${event.id}"` })).map(
        (r) => r.status,
      ),
    )
    .toEqual(['confirmed']);
});

test('signing in returns to the page one came from, and only to a page of this app', async ({ page }) => {
  const guest = await newGuest('Rut Tillbaka');
  await page.goto('/me?next=//evil.example/steal');
  await page.getByLabel('E-post').fill(guest.email);
  await page.getByLabel('Lösenord').fill(guest.password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByTestId('signed-in-as')).toHaveText('Inloggad som Rut Tillbaka');
  expect(new URL(page.url()).pathname).toBe('/me');

  // the door poster's page sends a signed-out person to sign in and back
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await page.goto('/checkin/CF1-POSTER-TEST');
  await page.getByRole('link', { name: 'Logga in' }).click();
  await expect(page).toHaveURL(/\/me\?next=%2Fcheckin%2FCF1-POSTER-TEST$/);
  await page.getByRole('button', { name: 'Tillbaka till lösenord' }).click();
  await page.getByLabel('E-post').fill(guest.email);
  await page.getByLabel('Lösenord').fill(guest.password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page).toHaveURL(/\/checkin\/CF1-POSTER-TEST$/);
});

test('an empty sign-in or sign-up form says what is missing', async ({ page }) => {
  await page.goto('/me');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Skriv en giltig e-postadress, till exempel namn@exempel.se.');
  await page.getByLabel('E-post').fill('someone@coffice.test');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Skriv ditt lösenord.');

  // signing up asks for the name first: it is shown on the passes
  await page.getByRole('button', { name: 'Skapa konto' }).click();
  await page.getByLabel('E-post').fill(uniqueEmail('nameless'));
  await page.getByLabel('Lösenord (minst 10 tecken)').fill('ett-langt-losenord-2026');
  await page.getByRole('button', { name: 'Skapa konto' }).click();
  await expect(page.getByRole('alert')).toHaveText('Skriv ditt namn – det står på dina passerkort.');
});

test('someone without a name gives it before registering; the profile will not clear it', async ({ page }) => {
  const admin = await operator();
  const nameless = await newGuest('Namnlös');
  await admin.collection('users').update(nameless.id, { name: '' });
  const event = await createEvent(admin, { title: `Namnkväll ${Date.now()}`, capacity: 10 });

  await signIn(page, nameless);
  await page.goto(`/events/${event.id}`);
  await page.getByRole('button', { name: 'Anmäl mig' }).click();
  await expect(page.getByRole('alert')).toHaveText('Skriv ditt namn – det står på dina passerkort.');
  await page.getByLabel('Ditt namn (det står på passerkortet)').fill('Nils Namnsson');
  await page.getByRole('button', { name: 'Anmäl mig' }).click();
  await expect(page.getByTestId('registration-state')).toHaveAttribute('data-state', 'confirmed');
  expect((await admin.collection('users').getOne(nameless.id)).name).toBe('Nils Namnsson');

  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Jag' }).click();
  const profile = page.getByRole('form', { name: 'Min profil' });
  await profile.getByLabel('Namn').fill('   ');
  await profile.getByRole('button', { name: 'Spara' }).click();
  await expect(profile.getByRole('alert')).toHaveText('Skriv ditt namn – det står på dina passerkort.');
  expect((await admin.collection('users').getOne(nameless.id)).name).toBe('Nils Namnsson');
  // nobody is shown anywhere until they choose to be
  await expect(profile.getByLabel('Visa mig under ”Här idag” när jag är incheckad')).not.toBeChecked();
  await expect(profile.getByLabel('Visa mig i medlemskatalogen')).not.toBeChecked();
});

test('cancelling a registration asks first, and "Avbryt" keeps it; deleting an account can be called off', async ({ page }) => {
  const admin = await operator();
  const guest = await newGuest('Angra Inte');
  const event = await createEvent(admin, { title: `Avbokningsprov ${Date.now()}`, capacity: 10 });
  await signIn(page, guest);
  await page.goto(`/events/${event.id}`);
  await page.getByRole('button', { name: 'Anmäl mig' }).click();
  await expect(page.getByTestId('registration-state')).toHaveAttribute('data-state', 'confirmed');

  const asked: string[] = [];
  page.once('dialog', (dialog) => (asked.push(dialog.message()), dialog.dismiss()));
  await page.getByRole('button', { name: 'Avboka' }).click();
  expect(asked).toEqual([`Avboka din plats på ”${event.title}”? Ditt passerkort slutar gälla.`]);
  await expect(page.getByTestId('registration-state')).toHaveAttribute('data-state', 'confirmed');

  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Avboka' }).click();
  await expect(page.getByRole('button', { name: 'Anmäl mig' })).toBeVisible();
  await expect
    .poll(async () => (await admin.collection('registrations').getFirstListItem(`user = "${guest.id}" && event = "${event.id}"`)).status)
    .toBe('cancelled');

  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Jag' }).click();
  await page.getByRole('button', { name: 'Radera mitt konto' }).click();
  await expect(page.getByLabel('Skriv din e-postadress för att bekräfta')).toBeVisible();
  await page.getByRole('button', { name: 'Avbryt' }).click();
  await expect(page.getByLabel('Skriv din e-postadress för att bekräfta')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Radera mitt konto' })).toBeVisible();
  expect((await admin.collection('users').getOne(guest.id)).email).toBe(guest.email);
});

test('the waitlist promises only what the app does', async ({ page }) => {
  const admin = await operator();
  const event = await createEvent(admin, { title: `Fullt hus ${Date.now()}`, capacity: 1 });
  const first = await newGuest('Först Ut');
  await admin.collection('registrations').create({ event: event.id, user: first.id });
  const second = await newGuest('Sist In');
  await signIn(page, second);
  await page.goto(`/events/${event.id}`);
  await expect(page.getByTestId('places')).toHaveText('Fullt – väntelista');
  await page.getByRole('button', { name: 'Anmäl mig' }).click();
  await expect(page.getByTestId('registration-state')).toHaveText(
    'Du står på väntelistan. Blir en plats ledig får nästa i kön den – du ser det här och under Mitt program.',
  );
});

test('a cancelled event says only that it is cancelled', async ({ page }) => {
  const admin = await operator();
  const event = await createEvent(admin, { title: `Inställt föredrag ${Date.now()}`, status: 'cancelled' });
  await page.goto(`/events/${event.id}`);
  await expect(page.getByText('Inställt', { exact: true })).toBeVisible();
  await expect(page.getByText('Öppet för alla')).toHaveCount(0);
  await expect(page.getByTestId('places')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Anmäl mig' })).toHaveCount(0);
  await signIn(page, await newGuest('Kom Anda'));
  await page.goto(`/events/${event.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(event.title);
  await expect(page.getByRole('button', { name: 'Anmäl mig' })).toHaveCount(0);
  await expect(page.getByText('Öppet för alla')).toHaveCount(0);
});

for (const [locale, title, text] of [
  ['sv', 'Sidan finns inte', 'Länken kan vara gammal eller felskriven, eller så har sidan tagits bort.'],
  ['en', 'Page not found', 'The link may be old or mistyped, or the page was removed.'],
] as const) {
  test(`an unknown address and a missing event show the app's own 404 (${locale}), asked for once`, async ({ page }) => {
    await page.addInitScript((l) => localStorage.setItem('PARAGLIDE_LOCALE', l), locale);
    await page.goto('/no-such-screen');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByText(text)).toBeVisible();

    const asked: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/collections/events/records/nosuchevent0001')) asked.push(request.url());
    });
    await page.goto('/events/nosuchevent0001');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await page.waitForLoadState('networkidle');
    expect(asked).toHaveLength(1);
  });
}

test('links in a description open safely; other text stays text', async ({ page }) => {
  const admin = await operator();
  const event = await createEvent(admin, {
    title: `Länkprov ${Date.now()}`,
    description: 'Läs mer på https://example.se/program?dag=1.\nInte en länk: javascript:alert(1) <a href="https://evil.example">x</a>',
  });
  await page.goto(`/events/${event.id}`);
  const links = page.locator('.description a');
  await expect(links).toHaveCount(2);
  await expect(links.first()).toHaveText('https://example.se/program?dag=1');
  await expect(links.first()).toHaveAttribute('href', 'https://example.se/program?dag=1');
  await expect(links.first()).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(links.first()).toHaveAttribute('target', '_blank');
  // the typed markup is shown as text: its address is a link of our own, never the <a> typed
  await expect(links.nth(1)).toHaveAttribute('href', 'https://evil.example');
  await expect(page.locator('.description')).toContainText('javascript:alert(1) <a href="https://evil.example">x</a>');
  await expect(page.locator('.description a[href^="javascript"]')).toHaveCount(0);
});

test('places, in words that fit the number, on the programme and the event (sv and en); an event that has been says so', async ({
  page,
}) => {
  const admin = await operator();
  const title = `En enda plats ${Date.now()}`;
  const event = await createEvent(admin, { title, capacity: 1, starts: minutesFromNow(30), ends: minutesFromNow(90) });
  await page.goto('/');
  const card = page.locator('article', { has: page.getByRole('link', { name: title }) });
  await expect(card.getByTestId('card-places')).toHaveText('1 plats kvar');
  await card.getByRole('link', { name: title }).click();
  await expect(page.getByTestId('places')).toHaveText('1 av 1 plats kvar');

  await page.evaluate(() => localStorage.setItem('PARAGLIDE_LOCALE', 'en'));
  await page.goto(`/events/${event.id}`);
  await expect(page.getByTestId('places')).toHaveText('1 of 1 place left');
  // an event that has been says so instead of its places, to someone signed out and (below) in
  const past = await createEvent(admin, {
    title: `Redan varit ${Date.now()}`,
    capacity: 50,
    starts: minutesFromNow(-90),
    ends: minutesFromNow(-30),
  });
  await page.goto(`/events/${past.id}`);
  await expect(page.getByTestId('places')).toHaveText('This event has already taken place.');

  // registered: the card says so
  const guest = await newGuest('Kort Koll');
  await admin.collection('registrations').create({ event: event.id, user: guest.id });
  await page.evaluate(() => localStorage.setItem('PARAGLIDE_LOCALE', 'sv'));
  await signIn(page, guest);
  await page.goto('/');
  await expect(card.getByTestId('card-places')).toHaveText('Du är anmäld.');

  await page.goto(`/events/${past.id}`);
  await expect(page.getByTestId('places')).toHaveText('Evenemanget har redan varit.');
});

test('"Mitt program" marks what has been as past', async ({ page }) => {
  const admin = await operator();
  const guest = await newGuest('Minns Allt');
  const event = await createEvent(admin, { title: `Förra veckan ${Date.now()}` });
  await admin.collection('registrations').create({ event: event.id, user: guest.id });
  await admin.collection('events').update(event.id, { starts: minutesFromNow(-7 * 24 * 60), ends: minutesFromNow(-7 * 24 * 60 + 60) });
  await signIn(page, guest);
  await page.goto('/mine');
  const past = page.getByTestId('mine-past').getByRole('listitem').filter({ hasText: event.title });
  await expect(past.getByTestId('mine-item-past')).toHaveText('Har varit');
});

/** The browser's install offer, as Chromium would make it; `prompt()` is recorded. */
async function offerInstall(page: Page) {
  await expect(page.locator('main h1')).toBeVisible(); // the app has started and listens
  await page.evaluate(() => {
    const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      prompt: () => {
        (window as unknown as { prompted: number }).prompted = ((window as unknown as { prompted?: number }).prompted ?? 0) + 1;
        return Promise.resolve({ outcome: 'accepted' });
      },
    });
    dispatchEvent(offer);
  });
}

test("the browser's install offer, made on the programme, is offered after registering and on the pass", async ({ page }) => {
  const admin = await operator();
  const guest = await newGuest('Hemma Skärm');
  const event = await createEvent(admin, { title: `Installationskväll ${Date.now()}`, capacity: 5 });
  await signIn(page, guest);
  await page.goto('/');
  await offerInstall(page);
  await expect(page.getByTestId('install-offer')).toBeVisible();

  // moving around in the app keeps the offer (one page, no reload)
  await page.getByRole('link', { name: event.title }).click();
  await expect(page.getByTestId('install-offer')).toHaveCount(0);
  await page.getByRole('button', { name: 'Anmäl mig' }).click();
  await expect(page.getByTestId('registration-state')).toHaveAttribute('data-state', 'confirmed');
  await expect(page.getByTestId('install-offer')).toBeVisible();
  await page.getByRole('link', { name: 'Visa passerkortet' }).click();
  await expect(page.locator('[data-qr]')).toBeVisible();
  const offer = page.getByTestId('install-offer');
  await expect(offer).toBeVisible();
  await offer.getByRole('button', { name: 'Installera appen' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { prompted?: number }).prompted)).toBe(1);
  await expect(page.getByTestId('install-offer')).toHaveCount(0);
});

test('"Inte nu" is remembered on the device', async ({ page }) => {
  await page.goto('/');
  await offerInstall(page);
  await page.getByTestId('install-offer').getByRole('button', { name: 'Inte nu' }).click();
  await expect(page.getByTestId('install-offer')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await offerInstall(page);
  await page.getByRole('link', { name: 'Mitt program' }).click();
  await page.getByRole('link', { name: 'Program' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Program' })).toBeVisible();
  await expect(page.getByTestId('install-offer')).toHaveCount(0);
  // the profile still has the button, for whoever changes their mind
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Jag' }).click();
  await expect(page.getByRole('button', { name: 'Installera appen' })).toBeVisible();
});

test('one change waiting is said in the singular', async ({ page, context }) => {
  const admin = await operator();
  const event = await createEvent(admin, { title: `Utan nät ${Date.now()}`, capacity: 5 });
  await signIn(page, await newGuest('Singular Sara'));
  await page.goto(`/events/${event.id}`);
  await expect(page.getByRole('button', { name: 'Anmäl mig' })).toBeVisible();
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Anmäl mig' }).click();
  await expect(page.getByTestId('sync-pending')).toHaveText('1 ändring väntar på att skickas');
  await context.setOffline(false);
  await expect(page.getByTestId('registration-state')).toHaveAttribute('data-state', 'confirmed', { timeout: 20_000 });
});
