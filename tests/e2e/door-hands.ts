// What a host's hands do at the door screen, shared by the door's end-to-end tests.
import type { Page } from '@playwright/test';
import { expect } from './world';

/** Back to scanning: "Nästa", unless the verdict's countdown got there first. */
export async function dismiss(page: Page) {
  await page
    .getByRole('button', { name: 'Nästa' })
    .click({ timeout: 2000 })
    .catch(() => undefined);
  await expect(page.locator('[data-verdict]')).toBeHidden();
}

/** Types a code into the door's field (as when the camera cannot read it); the verdict shown. */
export async function scanByHand(page: Page, text: string) {
  await page.getByPlaceholder('Skriv in koden').fill(text);
  await page.getByRole('button', { name: 'Kontrollera' }).click();
  const verdict = page.locator('[data-verdict]');
  await expect(verdict).toBeVisible();
  const result = await verdict.getAttribute('data-verdict');
  await dismiss(page);
  return result;
}
