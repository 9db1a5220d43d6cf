// Joining and name badges (issue #15): an application sent signed out reaches the host, who
// accepts it, and the new member signs in from the invitation mail; the public /join lists only
// the companies that chose to be listed; the badge sheet prints as A4 pages of ten labels.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Mail } from '../helpers/mail-sink';
import { PASSWORD } from '../helpers/server';
import { operator } from './operator';
import { signIn, signInWithPassword, uniqueEmail } from './people';
import { E2E, expect, test } from './world';

/** The newest mail to this address after `seen` of them, running the notices worker while waiting. */
async function mailAfter(address: string, seen: number): Promise<Mail> {
  const read = async () => {
    const res = await fetch(`${process.env.COFFICE_MAIL_URL}/mails?to=${encodeURIComponent(address)}`);
    return (await res.json()) as Mail[];
  };
  await expect
    .poll(async () => {
      await (await operator()).crons.run('coffice-notices');
      return (await read()).length;
    })
    .toBeGreaterThan(seen);
  const mails = await read();
  return mails[mails.length - 1];
}

test('an application sent signed out is accepted by the host, and the new member signs in from the invitation', async ({
  page,
  browser,
}) => {
  const admin = await operator();
  const stamp = Date.now();
  await admin.collection('companies').create({ name: `Synlig Byrå ${stamp}`, seat: 'flex', listed: true });
  await admin.collection('companies').create({ name: `Dold Konsult ${stamp}`, seat: 'fixed', listed: false });
  const email = uniqueEmail('applicant');
  const company = `Ansökande Reklam ${stamp}`;

  await page.goto('/join');
  await expect(page.getByTestId('join-members')).toContainText(`Synlig Byrå ${stamp}`);
  await expect(page.getByTestId('join-members')).not.toContainText(`Dold Konsult ${stamp}`);
  await expect(page.getByTestId('join-now')).toContainText('fasta platser lediga');

  // a missing address is said before anything is sent
  await page.getByRole('textbox', { name: 'Företag', exact: true }).fill(company);
  await page.getByRole('textbox', { name: 'Ditt namn', exact: true }).fill('Alva Ansökan');
  await page.getByRole('button', { name: 'Skicka ansökan' }).click();
  await expect(page.getByRole('alert')).toHaveText('Skriv din e-postadress: svaret skickas dit.');
  await page.getByRole('textbox', { name: 'E-post', exact: true }).fill(email);
  await page.getByRole('textbox', { name: 'Bransch (valfritt)', exact: true }).fill('Marknadsföring');
  await page.getByLabel('En flexibel plats i öppna ytan').check();
  await page.getByRole('textbox', { name: 'Meddelande (valfritt)', exact: true }).fill('Vi är tre som vill sitta nära andra.');
  await page.getByRole('button', { name: 'Skicka ansökan' }).click();
  await expect(page.getByTestId('join-receipt')).toContainText('Vi har fått din ansökan');
  await expect(page.getByTestId('join-receipt')).toContainText(`svarar inom 5 arbetsdagar till ${email}`);
  const receipt = await mailAfter(email, 0);
  expect(receipt.subject).toBe('Vi har fått din ansökan till Coffice');

  const hostContext = await browser.newContext({ baseURL: process.env.COFFICE_URL });
  const hostPage = await hostContext.newPage();
  await signIn(hostPage, E2E.host);
  await hostPage.goto('/host/applications');
  const card = hostPage.getByTestId('application').filter({ hasText: company });
  await expect(card).toContainText('Alva Ansökan');
  await card.getByRole('button', { name: 'Godkänn och bjud in' }).click();
  await expect(hostPage.getByTestId('applications-status')).toHaveText(`${company} är godkänt och Alva Ansökan har fått en inbjudan.`);
  await expect(hostPage.getByTestId('applications-decided')).toContainText(company);
  await hostContext.close();

  const invitation = await mailAfter(email, 1);
  expect(invitation.subject).toBe('Välkommen som medlem i Coffice');
  const link = /(https?:\/\/\S+\/me\/reset\?token=[^\s"<]+)/.exec(invitation.text)?.[1];
  expect(link).toBeTruthy();
  await page.goto(link!);
  await page.getByLabel('Lösenord (minst 10 tecken)').fill('alva-blir-medlem-2026');
  await page.getByRole('button', { name: 'Spara nytt lösenord' }).click();
  await expect(page.getByRole('status')).toContainText('Klart! Logga in med ditt nya lösenord.');
  await signInWithPassword(page, { email, password: 'alva-blir-medlem-2026' });
  await expect(page.getByTestId('signed-in-as')).toHaveText('Inloggad som Alva Ansökan');
  const member = await admin.collection('users').getFirstListItem(`email = "${email}"`, { expand: 'company' });
  expect(member.role).toBe('member');
  expect((member as unknown as { expand: { company?: { name: string } } }).expand.company?.name).toBe(company);
});

test('the badge sheet of 13 confirmed people prints as 2 A4 pages with every name', async ({ page }) => {
  const admin = await operator();
  const stamp = Date.now();
  const firm = await admin.collection('companies').create({ name: `Brickföretaget ${stamp}`, seat: 'flex' });
  const event = await admin.collection('events').create({
    title: `Brickfrukost ${stamp}`,
    kind: 'breakfast',
    starts: new Date(Date.now() + 3 * 24 * 3600_000).toISOString().replace('T', ' '),
    ends: new Date(Date.now() + 3 * 24 * 3600_000 + 3600_000).toISOString().replace('T', ' '),
    capacity: 0,
    status: 'published',
  });
  const names = Array.from({ length: 13 }, (_, i) => `Bricka Person${String.fromCharCode(65 + i)}`);
  for (const name of names) {
    const user = await admin
      .collection('users')
      .create({ email: uniqueEmail('badge'), name, password: PASSWORD, passwordConfirm: PASSWORD, company: firm.id });
    await admin.collection('registrations').create({ event: event.id, user: user.id });
  }

  await signIn(page, E2E.host);
  await page.goto(`/host/events/${event.id}`);
  await page.getByTestId('badges-link').click();
  await expect(page.getByTestId('badge')).toHaveCount(13);
  await expect(page.getByTestId('badges-count')).toHaveText('Brickor: 13 · A4-sidor: 2');
  await expect(page.getByRole('button', { name: 'Skriv ut' })).toBeVisible();

  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  // page objects: /Type /Page (not /Pages)
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)).toHaveLength(2);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'coffice-badges-')), 'badges.pdf');
  fs.writeFileSync(file, pdf);
  const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((p) => p.trim());
  expect(pages).toHaveLength(2);
  for (const name of names.slice(0, 10)) expect(pages[0]).toContain(name);
  for (const name of names.slice(10)) expect(pages[1]).toContain(name);
  expect(pages[0]).toContain(`Brickföretaget ${stamp}`);
  expect(pages[0]).toContain(`Brickfrukost ${stamp}`);
  // the screen chrome is not printed
  expect(pages.join('')).not.toContain('Skriv ut');
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  expect(info).toMatch(/Pages:\s+2/);
  expect(info).toMatch(/Page size:\s+59\d(\.\d+)? x 84\d(\.\d+)? pts \(A4\)/);
});
