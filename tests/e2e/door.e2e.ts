// The door as the host meets it: a fake camera shows passes and the verdict fills the
// screen; offline, twenty passes are decided and kept, then uploaded once; two doors
// offline admitting one pass leave exactly one conflict for the host.
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test, E2E } from './world';
import { CAMERA_ARGS, showToCamera } from './camera';
import { newGuest, operator } from './operator';
import { dismiss, scanByHand } from './door-hands';
import { signIn } from './people';

test.use({ launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CAMERA_ARGS } });

const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

async function arrangeEvent(title: string, fields: Record<string, unknown> = {}) {
  const admin = await operator();
  return admin.collection('events').create({
    title,
    kind: 'breakfast',
    status: 'published',
    capacity: 0,
    starts: minutes(-5),
    ends: minutes(60),
    ...fields,
  });
}

/** A guest registered for the event; returns their pass code. */
async function passFor(eventId: string, name: string): Promise<{ code: string; passId: string; userId: string }> {
  const admin = await operator();
  const guest = await newGuest(name);
  const reg = await admin.collection('registrations').create({ event: eventId, user: guest.id });
  const pass = await admin.collection('passes').getFirstListItem(`registration = "${reg.id}"`);
  return { code: pass.code, passId: pass.id, userId: guest.id };
}

async function signInAsHost(page: Page) {
  await page.goto('/me');
  await page.getByLabel('E-post').fill(E2E.host.email);
  await page.getByLabel('Lösenord').fill(E2E.host.password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Dörren', exact: true }).click();
}

async function openDoor(page: Page, eventId: string) {
  await signInAsHost(page);
  await expect(page.getByTestId('door-choice').locator(`option[value="${eventId}"]`)).toHaveCount(1, { timeout: 15_000 });
  await page.getByTestId('door-choice').selectOption(eventId);
}

async function scanWithCamera(page: Page, text: string) {
  await showToCamera(text);
  await page.getByRole('button', { name: 'Starta kameran' }).click();
  const verdict = page.locator('[data-verdict]');
  await expect(verdict).toBeVisible({ timeout: 15_000 });
  const result = { verdict: await verdict.getAttribute('data-verdict'), text: await verdict.innerText() };
  // the same code in view is ignored for a few seconds: time enough to stop the camera
  await dismiss(page);
  await page.getByRole('button', { name: 'Stoppa kameran' }).click();
  return result;
}

test('the camera: admitted, already in with the first time, wrong event, revoked, unknown, invalid', async ({ page, context }) => {
  test.setTimeout(120_000);
  const event = await arrangeEvent('Dörrtest: frukost');
  const other = await arrangeEvent('Dörrtest: annat', { starts: minutes(120), ends: minutes(180) });
  const sara = await passFor(event.id, 'Kamera Karin');
  const elsewhere = await passFor(other.id, 'Fel Fredrik');
  const cancelled = await passFor(event.id, 'Avbokad Alva');
  const admin = await operator();
  const cancelledReg = await admin.collection('registrations').getFirstListItem(`user = "${cancelled.userId}"`);
  await admin.collection('registrations').update(cancelledReg.id, { status: 'cancelled' });

  const opened: Page[] = [];
  context.on('page', (p) => opened.push(p));
  await openDoor(page, event.id);
  const doorUrl = page.url();

  expect(await scanWithCamera(page, sara.code)).toMatchObject({ verdict: 'admitted', text: expect.stringContaining('Kamera Karin') });
  const again = await scanWithCamera(page, sara.code);
  expect(again.verdict).toBe('already_in');
  expect(again.text).toMatch(/Första skanningen \d\d:\d\d vid door-/);
  expect((await scanWithCamera(page, elsewhere.code)).verdict).toBe('wrong_event');
  expect((await scanWithCamera(page, cancelled.code)).verdict).toBe('revoked');
  expect((await scanWithCamera(page, 'CF1:QQQQQQQQQQQQQQQQQQQQQQQQQQ')).verdict).toBe('unknown');
  expect((await scanWithCamera(page, 'https://example.com/login?next=/door')).verdict).toBe('invalid');
  expect((await scanWithCamera(page, '<img src=x onerror="document.title=1">')).verdict).toBe('invalid');

  // nothing was opened or navigated, nothing rendered as HTML
  expect(page.url()).toBe(doorUrl);
  expect(opened).toEqual([]);
  expect(await page.title()).not.toBe('1');
});

async function hostDoor(context: BrowserContext, eventId: string) {
  const page = await context.newPage();
  await openDoor(page, eventId);
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 20_000 });
  return page;
}

test('offline: twenty passes (one twice) decided at once, uploaded once; two doors make one conflict', async ({ browser }) => {
  test.setTimeout(180_000);
  const event = await arrangeEvent('Dörrtest: offline');
  const passes = [];
  for (let i = 0; i < 20; i++) passes.push(await passFor(event.id, `Gäst ${i + 1}`));

  const doorOne = await browser.newContext();
  const doorTwo = await browser.newContext();
  const one = await hostDoor(doorOne, event.id);
  const two = await hostDoor(doorTwo, event.id);
  await doorOne.setOffline(true);
  await doorTwo.setOffline(true);

  for (const pass of passes) expect(await scanByHand(one, pass.code)).toBe('admitted');
  expect(await scanByHand(one, passes[7].code)).toBe('already_in');
  await expect(one.getByTestId('sync-pending')).toContainText('21');
  // the second door never heard of the first one's scans
  expect(await scanByHand(two, passes[3].code)).toBe('admitted');

  await doorOne.setOffline(false);
  await expect(one.getByTestId('sync-pending')).toHaveCount(0, { timeout: 30_000 });
  await doorTwo.setOffline(false);
  await expect(two.getByTestId('sync-pending')).toHaveCount(0, { timeout: 30_000 });

  const admin = await operator();
  const checkins = await admin.collection('checkins').getFullList({ filter: `event = "${event.id}"` });
  const admitted = checkins.filter((c) => c.verdict === 'admitted');
  expect(new Set(admitted.map((c) => c.pass)).size).toBe(20);
  expect(admitted.filter((c) => !c.conflict)).toHaveLength(20);
  expect(checkins.filter((c) => c.verdict === 'already_in').map((c) => c.pass)).toEqual([passes[7].passId]);
  const conflicts = checkins.filter((c) => c.conflict);
  expect(conflicts.map((c) => c.pass)).toEqual([passes[3].passId]);

  await doorOne.close();
  await doorTwo.close();
});

test('self check-in: the printed poster, then the door code of the day that the door screen shows', async ({ browser }) => {
  test.setTimeout(90_000);
  const admin = await operator();
  const maria = await newGuest('Medlem Maria');
  await admin.collection('users').update(maria.id, { role: 'member' });

  // the host's screens at the entrance: the door shows the day's code, the poster page too
  const hostContext = await browser.newContext();
  const host = await hostContext.newPage();
  await signIn(host, E2E.host);
  await host.goto('/host/door-poster');
  const posterUrl = new URL((await host.locator('[data-poster]').getAttribute('data-poster'))!);
  const dayUrl = new URL((await host.locator('[data-day-url]').getAttribute('data-day-url'))!);
  const dayCode = dayUrl.searchParams.get('day')!;
  expect(dayCode).toMatch(/^\d{6}$/);
  await expect(host.getByTestId('poster-day-code')).toHaveText(`${dayCode.slice(0, 3)} ${dayCode.slice(3)}`);
  await host.goto('/door');
  await expect(host.getByTestId('day-code')).toHaveText(`Dagens dörrkod: ${dayCode.slice(0, 3)} ${dayCode.slice(3)}`);
  await hostContext.close();

  // the member scanned the printed poster: its page asks for the code and words every refusal
  const memberContext = await browser.newContext();
  const phone = await memberContext.newPage();
  await signIn(phone, maria);
  await phone.goto(posterUrl.pathname);
  const codeField = phone.getByLabel('Dagens dörrkod');
  await codeField.fill(dayCode === '000000' ? '000001' : '000000');
  await phone.getByRole('button', { name: 'Checka in här' }).click();
  await expect(phone.getByTestId('self-checkin-refused')).toHaveText(
    'Det gick inte: Det är inte dagens dörrkod. Den byts varje dag: läs av den på dörrskärmen vid entrén.',
  );
  await codeField.fill(`${dayCode.slice(0, 3)} ${dayCode.slice(3)}`);
  await phone.getByRole('button', { name: 'Checka in här' }).click();
  await expect(phone.getByTestId('self-checkin')).toHaveText('Du är incheckad. Välkommen!');

  // the code screen's own QR brings the code along: one tap to leave
  await phone.goto(`${dayUrl.pathname}${dayUrl.search}`);
  await expect(codeField).toHaveValue(dayCode);
  await phone.getByRole('button', { name: 'Checka in här' }).click();
  await expect(phone.getByTestId('self-checkin')).toHaveText('Du är utcheckad. Hej då!');

  // and in English
  await phone.evaluate(() => localStorage.setItem('PARAGLIDE_LOCALE', 'en'));
  await phone.goto(posterUrl.pathname);
  await phone.getByRole('button', { name: 'Check in here' }).click();
  await expect(phone.getByTestId('self-checkin-refused')).toHaveText(
    'That did not work: Type the door code of the day, shown on the door screen at the entrance.',
  );
  const mine = await admin.collection('checkins').getFullList({ filter: `holder = "${maria.id}"`, sort: 'scanned_at' });
  expect(mine.map((c) => [c.source, c.direction])).toEqual([
    ['self', 'in'],
    ['self', 'out'],
  ]);
  await memberContext.close();
});

test('the host at the door (issue #12): usable passes by name, repeats, named devices, when a pass is for, the countdown, cancelled and ended events', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const tag = Date.now().toString(36).slice(-5);
  const now = await arrangeEvent(`Dörrtest: nu ${tag}`);
  const tomorrow = await arrangeEvent(`Dörrtest: i morgon ${tag}`, { starts: minutes(26 * 60), ends: minutes(27 * 60) });
  const nextWeek = await arrangeEvent(`Dörrtest: nästa vecka ${tag}`, { starts: minutes(7 * 24 * 60), ends: minutes(7 * 24 * 60 + 60) });
  const cancelled = await arrangeEvent(`Dörrtest: inställt ${tag}`, { starts: minutes(20), ends: minutes(80), status: 'cancelled' });
  const ended = await arrangeEvent(`Dörrtest: slut ${tag}`, { starts: minutes(-10), ends: minutes(-2) });
  const admin = await operator();
  // Nils had passes for three events; only the one now is any use at this door
  const nils = await passFor(now.id, `Namnsök Nils ${tag}`);
  const nilsTomorrow = await admin.collection('registrations').create({ event: tomorrow.id, user: nils.userId });
  await admin.collection('registrations').create({ event: nextWeek.id, user: nils.userId });
  const tomorrowCode = (await admin.collection('passes').getFirstListItem(`registration = "${nilsTomorrow.id}"`)).code;
  const member = await newGuest(`Medlem Mona ${tag}`);
  await admin.collection('users').update(member.id, { role: 'member' });
  const monaCode = (await admin.collection('passes').getFirstListItem(`holder = "${member.id}" && kind = "member"`)).code;
  const came = await passFor(ended.id, `Kom Karl ${tag}`);
  await admin.collection('checkins').create({
    pass: came.passId,
    holder: came.userId,
    event: ended.id,
    direction: 'in',
    source: 'door',
    verdict: 'admitted',
    scanned_at: minutes(-3),
    device: 'e2e',
  });

  await signInAsHost(page);
  const choice = page.getByTestId('door-choice');
  await expect(choice.locator(`option[value="${now.id}"]`)).toHaveCount(1, { timeout: 15_000 });
  // a cancelled event is marked and cannot be chosen
  const cancelledOption = choice.locator(`option[value="${cancelled.id}"]`);
  await expect(cancelledOption).toHaveText(new RegExp(`Dörrtest: inställt ${tag} – inställt$`));
  await expect(cancelledOption).toBeDisabled();

  // this device gets a name, and verdicts say it
  await page.getByText('Den här enheten').click();
  await page.getByLabel('Enhetens namn, visas i svaren (t.ex. ”Entrén”)').fill('Entrén');
  await page.getByRole('button', { name: 'Spara namnet' }).click();
  await expect(page.getByText('Sparat.')).toBeVisible();

  // a member scanned twice at the front door is still inside, not checked out
  expect(await scanByHand(page, monaCode)).toBe('admitted');
  await page.getByPlaceholder('Skriv in koden').fill(monaCode);
  await page.getByRole('button', { name: 'Kontrollera' }).click();
  const verdict = page.locator('[data-verdict]');
  await expect(verdict).toHaveAttribute('data-verdict', 'already_in');
  await expect(verdict).toHaveAttribute('data-direction', 'in');
  await expect(page.getByTestId('verdict-reason')).toHaveText(/^Första skanningen \d\d:\d\d vid Entrén\.$/);
  // the verdict goes back to scanning by itself, counting down
  await expect(page.getByTestId('verdict-countdown')).toHaveText(/^Skannar igen om [1-5] s$/);
  await expect(verdict).toBeHidden({ timeout: 8000 });

  // "Inte nu" says which event and when the pass is for; a tap anywhere returns at once
  await page.getByPlaceholder('Skriv in koden').fill(tomorrowCode);
  await page.getByRole('button', { name: 'Kontrollera' }).click();
  await expect(verdict).toHaveAttribute('data-verdict', 'outside_window');
  await expect(page.getByTestId('verdict-reason')).toHaveText(
    new RegExp(`^Kortet gäller Dörrtest: i morgon ${tag}, \\p{L}+ \\d+ \\p{L}+ \\d\\d:\\d\\d–\\d\\d:\\d\\d\\.$`, 'u'),
  );
  await page.screenshot({ path: 'test-results/door-outside-window.png' });
  await page.getByTestId('verdict-name').click();
  await expect(verdict).toBeHidden({ timeout: 1500 });

  // by name at the front door: the member pass, and only today's event pass, with its event and time
  const search = async (name: string) => {
    const details = page.locator('details', { has: page.getByText('Sök på namn', { exact: true }) });
    if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
    await details.getByRole('searchbox').fill(name);
    await details.getByRole('button', { name: 'Sök på namn' }).click();
    return page.getByTestId('door-search-results').locator('li', { hasText: name });
  };
  const monaRow = await search(`Medlem Mona ${tag}`);
  await expect(monaRow.getByRole('button')).toHaveText(['Checka in: Medlemskort']);
  const nilsRow = await search(`Namnsök Nils ${tag}`);
  await expect(nilsRow.getByRole('button')).toHaveText([new RegExp(`^Checka in: Dörrtest: nu ${tag} \\d\\d:\\d\\d$`)]);

  // at the event's door: its pass only; a member pass is no use there
  await choice.selectOption(now.id);
  await expect(page.getByTestId('door-search-results')).toHaveCount(0);
  await expect((await search(`Medlem Mona ${tag}`)).getByRole('button')).toHaveCount(0);
  await expect(page.getByTestId('door-search-results').getByText('Inget passerkort för den här dörren.')).toBeVisible();
  const row = await search(`Namnsök Nils ${tag}`);
  await page.screenshot({ path: 'test-results/door-name-search.png' });
  await row.getByRole('button', { name: new RegExp(`Dörrtest: nu ${tag}`) }).click();
  await expect(verdict).toHaveAttribute('data-verdict', 'admitted');
  await expect(page.getByTestId('verdict-name')).toHaveText(`Namnsök Nils ${tag}`);
  await dismiss(page);

  // an event that ended: nobody "inside", but who came still counts
  await choice.selectOption(ended.id);
  await expect(page.getByTestId('inside-count')).toHaveText('Slut – 1 kom');
});
