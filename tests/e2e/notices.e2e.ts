// Notices reach people (issue #14): a waitlisted guest whose open event page is on screen
// sees "you got a place" when someone else cancels, and the 'promoted' mail with the pass
// link arrives in the mail sink; a host writes to the registered people, a registered
// guest's open event page shows the message, and the mail arrives too.
import { createEvent } from '../helpers/server';
import type { Mail } from '../helpers/mail-sink';
import { E2E, expect, test } from './world';
import { newGuest as signedUpGuest, signIn } from './people';
import { operator } from './operator';

/** Every mail the sink holds for this address. */
async function mailsTo(address: string): Promise<Mail[]> {
  const res = await fetch(`${process.env.COFFICE_MAIL_URL}/mails?to=${encodeURIComponent(address)}`);
  return (await res.json()) as Mail[];
}

/** Mails to this address whose text contains `words`, once the notices worker has run: it runs
 * every minute (cron `coffice-notices`); the operator starts it now through PocketBase's cron API
 * instead of the test waiting for the minute. */
async function mailsSaying(address: string, words: string): Promise<number> {
  await (await operator()).crons.run('coffice-notices');
  return (await mailsTo(address)).filter((mail) => mail.text.includes(words)).length;
}

test('a waitlisted guest sees "you got a place" in the open app and gets the mail when someone cancels', async ({ page }) => {
  test.setTimeout(60_000); // a sign-in, realtime and a mail through the worker on a busy 2-core machine
  const admin = await operator();
  const event = await createEvent(admin, { title: `Fullbokad frukost ${Date.now()}`, capacity: 1 });
  const first = await signedUpGuest('Först Frida');
  const taken = await first.pb.collection('registrations').create({ event: event.id, user: first.user.id });
  expect(taken.status).toBe('confirmed');

  const guest = await signedUpGuest('Väntande Vera');
  await signIn(page, guest);
  await page.goto(`/events/${event.id}`);
  await page.getByRole('button', { name: 'Anmäl mig' }).click();
  await expect(page.getByTestId('registration-state')).toHaveAttribute('data-state', 'waitlisted');

  // Frida cancels through the API; the guest's page is open and follows the server
  await first.pb.collection('registrations').update(taken.id, { status: 'cancelled' });
  const state = page.getByTestId('registration-state');
  await expect(state).toContainText('Du har fått en plats!', { timeout: 15_000 });
  await expect(state).toHaveAttribute('data-state', 'confirmed');
  const passLink = page.getByRole('link', { name: 'Visa passerkortet' });
  await expect(passLink).toBeVisible();
  const mine = await admin
    .collection('registrations')
    .getFirstListItem(admin.filter('event = {:e} && user = {:u}', { e: event.id, u: guest.user.id }));
  const pass = await admin.collection('passes').getFirstListItem(admin.filter('registration = {:r}', { r: mine.id }));
  await expect(passLink).toHaveAttribute('href', `/passes/${pass.id}`);

  // My programme says it too (the device kept it)
  await page.goto('/mine');
  await expect(page.getByTestId('mine-status')).toHaveText('Du har fått en plats från väntelistan!');

  // the mail: one that carries this pass's link, in Swedish (the guest's language)
  await expect.poll(() => mailsSaying(guest.email, `/passes/${pass.id}`)).toBe(1);
  const promoted = (await mailsTo(guest.email)).find((mail) => mail.text.includes(`/passes/${pass.id}`))!;
  expect(promoted.subject).toContain(event.title);
  expect(promoted.subject).toMatch(/plats/i);
  expect(promoted.text).toContain('En plats blev ledig');
});

test("a host writes to the registered people: the guest's open event page shows it, and the mail arrives", async ({ page, browser }) => {
  test.setTimeout(60_000);
  const admin = await operator();
  const event = await createEvent(admin, { title: `Föreläsning med meddelande ${Date.now()}`, capacity: 10 });
  const guest = await signedUpGuest('Läsande Lina');
  await guest.pb.collection('registrations').create({ event: event.id, user: guest.user.id });

  const guestContext = await browser.newContext();
  const guestPage = await guestContext.newPage();
  await signIn(guestPage, guest);
  await guestPage.goto(`/events/${event.id}`);
  await expect(guestPage.getByTestId('registration-state')).toHaveAttribute('data-state', 'confirmed');
  await expect(guestPage.getByTestId('host-message')).toHaveCount(0);

  await signIn(page, E2E.host);
  await page.goto(`/host/events/${event.id}`);
  const form = page.getByTestId('host-message-form');
  await expect(form.getByRole('heading', { name: 'Skriv till de anmälda' })).toBeVisible();
  const words = `Vi håller till i rum B i dag. Kaffet står framme från 08.30. (${Date.now()})`;
  await form.getByLabel('Meddelande').fill(words);
  await expect(form.getByText(`${words.length} av 500 tecken`)).toBeVisible();
  const asked = new Promise<string>((resolve) =>
    page.once('dialog', (dialog) => {
      resolve(dialog.message());
      void dialog.accept();
    }),
  );
  await form.getByRole('button', { name: 'Skicka' }).click();
  expect(await asked).toBe('Skicka meddelandet till de anmälda? Antal mottagare: 1.');
  await expect(form.getByRole('status')).toHaveText('Skickat. Mottagare: 1. Det visas nu på evenemangets sida.');

  // the guest's page, open all along, shows it with its venue time (the event's realtime update)
  const shown = guestPage.getByTestId('host-message');
  await expect(shown).toContainText(words, { timeout: 15_000 });
  await expect(shown).toContainText(/Meddelande från värden, \w+dag \d{1,2} \w+ \d\d:\d\d/);

  await expect.poll(() => mailsSaying(guest.email, words)).toBe(1);
  await guestContext.close();
});
