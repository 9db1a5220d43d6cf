// axe-core finds no accessibility violations on any screen, in Swedish and in English; and no
// screen is wider than a small phone's (360 px): nothing sticks out to scroll sideways to.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { E2E, expect, test } from './world';
import { newGuest, operator } from './operator';

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto('/me');
  await page.getByLabel(/E-post|Email/).fill(who.email);
  await page
    .getByLabel(/Lösenord|Password/)
    .first()
    .fill(who.password);
  await page.getByRole('button', { name: /^(Logga in|Sign in)$/ }).click();
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
}

async function violations(page: Page, path: string, ready: string) {
  await page.goto(path);
  await expect(page.locator('html')).toHaveAttribute('lang', await page.evaluate(() => localStorage.getItem('PARAGLIDE_LOCALE') ?? 'sv'));
  await page.locator(ready).first().waitFor();
  const result = await new AxeBuilder({ page }).analyze();
  return [
    ...result.violations.map((v) => `${path}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`),
    ...(await sticksOut(page)).map((what) => `${path}: wider than a 360 px screen: ${what}`),
  ];
}

/** What on the page reaches past the right edge of a 360 px wide screen (not inside a scroller). */
async function sticksOut(page: Page) {
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 360, height: size.height });
  const found = await page.evaluate(() => {
    const edge = document.documentElement.clientWidth + 1;
    const scrolls = (el: Element) => {
      for (let up = el.parentElement; up; up = up.parentElement) if (getComputedStyle(up).overflowX !== 'visible') return true;
      return false;
    };
    return [...document.body.querySelectorAll('*')]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && box.right > edge && !scrolls(el);
      })
      .map((el) => `${el.tagName.toLowerCase()}${el.getAttribute('class') ? `.${el.getAttribute('class')!.split(' ')[0]}` : ''}`)
      .slice(0, 3);
  });
  await page.setViewportSize(size);
  return found;
}

for (const locale of ['sv', 'en'] as const) {
  test(`no violations on the guest screens (${locale})`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.addInitScript((l) => localStorage.setItem('PARAGLIDE_LOCALE', l), locale);
    const admin = await operator();
    const event = await admin.collection('events').getFirstListItem(`title = "${E2E.talkTitle}"`);
    const found: string[] = [];
    found.push(...(await violations(page, '/', 'article')));
    found.push(...(await violations(page, `/events/${event.id}`, 'h1')));
    found.push(...(await violations(page, '/me', 'form')));
    found.push(...(await violations(page, '/me/reset?token=x', 'form')));
    found.push(...(await violations(page, '/join', 'section')));
    found.push(...(await violations(page, '/rooms', '[data-testid="rooms-members-only"]')));
    found.push(...(await violations(page, '/desks', '[data-testid="desks-members-only"]')));
    const guest = await newGuest(`Axe ${locale}`);
    await admin.collection('users').update(guest.id, { locale }); // signing in follows the profile's language
    const reg = await admin.collection('registrations').create({ event: event.id, user: guest.id });
    const pass = await admin.collection('passes').getFirstListItem(`registration = "${reg.id}"`);
    await signIn(page, guest);
    found.push(...(await violations(page, '/me', '[data-testid="signed-in-as"]')));
    found.push(...(await violations(page, '/passes', '[data-testid="pass-link"]')));
    found.push(...(await violations(page, `/passes/${pass.id}`, '[data-qr]')));
    found.push(...(await violations(page, '/mine', 'li')));
    found.push(...(await violations(page, '/checkin/nothing', 'h1')));
    found.push(...(await violations(page, '/community', '[data-testid="community-guest"]')));
    expect(found).toEqual([]);
  });

  test(`no violations on the host screens (${locale})`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.addInitScript((l) => localStorage.setItem('PARAGLIDE_LOCALE', l), locale);
    const admin = await operator();
    const host = await newGuest(`Värd ${locale}`);
    await admin.collection('users').update(host.id, { role: 'host', locale });
    await signIn(page, host);
    // someone with a long name and address (first by name, on the list's first page): the
    // people list must fit them on a phone
    await newGuest(`Aaa Långnamn ${locale} Vonsomethingdottersonverylongname`);
    const found: string[] = [];
    found.push(...(await violations(page, '/door', '[data-testid="door-choice"]')));
    // the verdict screen, as a typed code brings it
    await page.getByLabel(/Skriv in koden|Type the code/).fill('CF1:QQQQQQQQQQQQQQQQQQQQQQQQQQ');
    await page.getByRole('button', { name: /^(Kontrollera|Check)$/ }).click();
    await page.locator('[data-verdict]').waitFor();
    found.push(
      ...(await new AxeBuilder({ page }).analyze()).violations.map((v) => `door verdict: ${v.id} ${v.nodes[0]?.target.join(' ')}`),
    );
    const event = await admin.collection('events').getFirstListItem(`title = "${E2E.talkTitle}"`);
    found.push(...(await violations(page, '/host/events/new', 'form')));
    found.push(...(await violations(page, `/host/events/${event.id}`, 'form')));
    found.push(...(await violations(page, '/host/people', 'h1')));
    found.push(...(await violations(page, '/host/companies', 'h1')));
    found.push(...(await violations(page, '/host/events', 'h1')));
    found.push(...(await violations(page, '/host/door-poster', '[data-poster]')));
    found.push(...(await violations(page, '/host/insights', '[data-testid="insights-figures"]')));
    found.push(...(await violations(page, '/host/venue', 'form')));
    found.push(...(await violations(page, '/desks', '[data-testid="desk-day"]')));
    found.push(...(await violations(page, '/community', '[data-testid="directory"] h3')));
    found.push(...(await violations(page, '/host/applications', 'h1')));
    found.push(...(await violations(page, `/host/events/${event.id}/badges`, 'h1')));
    // the role change's confirmation dialog, open
    await page.goto('/host/people');
    const role = page
      .getByTestId('person')
      .first()
      .getByLabel(/^(Roll|Role)/);
    await role.selectOption((await role.inputValue()) === 'guest' ? 'member' : 'guest');
    await page.getByRole('dialog').waitFor();
    found.push(...(await new AxeBuilder({ page }).analyze()).violations.map((v) => `role dialog: ${v.id} ${v.nodes[0]?.target.join(' ')}`));
    await page.keyboard.press('Escape');
    // room booking, with a booking to cancel
    const room = await admin
      .collection('spaces')
      .create({ name: `Rum ${locale} ${Date.now()}`, kind: 'meeting_room', capacity: 6, bookable: true });
    const start = new Date(Date.now() - 10 * 60_000); // under way, so today's list shows it at any hour
    await admin.collection('bookings').create({
      space: room.id,
      user: host.id,
      title: 'Axe',
      starts: start.toISOString(),
      ends: new Date(start.getTime() + 3_600_000).toISOString(),
    });
    found.push(...(await violations(page, '/rooms', '[data-testid="booking"]')));
    // "My bookings" and the cancel confirmation, open
    await page
      .getByTestId('my-booking')
      .first()
      .getByRole('button', { name: /^(Avboka|Cancel)/ })
      .click();
    await page.getByRole('dialog').waitFor();
    found.push(
      ...(await new AxeBuilder({ page }).analyze()).violations.map((v) => `rooms cancel dialog: ${v.id} ${v.nodes[0]?.target.join(' ')}`),
    );
    await page.keyboard.press('Escape');
    expect(found).toEqual([]);
  });
}
