// A host adds a member company with its logo; an SVG dressed up as a PNG is refused with a
// clear message and nothing is stored.
import { signInWithPassword, uniqueEmail } from './people';
import { E2E, expect, test } from './world';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>');

test('a host adds a company with a logo; a disguised SVG is refused', async ({ page }) => {
  const name = `Kvarnens Bageri ${uniqueEmail('x').slice(2, 14)}`;
  const fake = `Falska Loggan ${uniqueEmail('x').slice(2, 14)}`;
  await signInWithPassword(page, E2E.host);
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
  await page.getByRole('link', { name: 'Företag' }).click();
  const form = page.getByRole('form', { name: 'Nytt företag' });

  await form.getByLabel('Företagsnamn').fill(fake);
  await form.getByLabel(/Logotyp/).setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: SVG });
  await form.getByRole('button', { name: 'Spara företaget' }).click();
  await expect(form.getByRole('alert')).toHaveText('Logotypen måste vara en bild i PNG, JPEG eller WebP (inte SVG eller HTML).');

  await form.getByLabel('Företagsnamn').fill(name);
  await form.getByLabel('Fast plats').check();
  await form.getByLabel(/Logotyp/).setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
  await form.getByRole('button', { name: 'Spara företaget' }).click();
  await expect(page.getByRole('status')).toHaveText('Företaget är sparat.');
  const card = page.getByTestId('company').filter({ hasText: name });
  await expect(card).toContainText('Fast plats');
  // the logo really loads (a broken image has no natural width)
  await expect.poll(() => card.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(page.getByTestId('company').filter({ hasText: fake })).toHaveCount(0);
});

test('a refused company form names each field and what is wrong with it, in both languages', async ({ page }) => {
  await signInWithPassword(page, E2E.host);
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
  await page.goto('/host/companies');
  const form = page.getByRole('form', { name: 'Nytt företag' });
  await form.getByLabel('Webbplats').fill('kvarnen punkt se');
  await form.getByRole('button', { name: 'Spara företaget' }).click();
  const alert = form.getByRole('alert');
  await expect(alert.getByRole('listitem')).toHaveText([
    'Företagsnamn: fyll i det här.',
    'Webbplats: skriv en hel webbadress, t.ex. https://exempel.se.',
  ]);
  await expect(form.getByLabel('Företagsnamn')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Webbplats')).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: 'test-results/company-problems-sv.png', fullPage: true });

  await page.evaluate(() => localStorage.setItem('PARAGLIDE_LOCALE', 'en'));
  await page.reload();
  const english = page.getByRole('form', { name: 'New company' });
  await english.getByLabel('Website').fill('kvarnen dot se');
  await english.getByRole('button', { name: 'Save company' }).click();
  await expect(english.getByRole('alert').getByRole('listitem')).toHaveText([
    'Company name: fill this in.',
    'Website: write a whole web address, e.g. https://example.com.',
  ]);
  await page.screenshot({ path: 'test-results/company-problems-en.png', fullPage: true });
});
