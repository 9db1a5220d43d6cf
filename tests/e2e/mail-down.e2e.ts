// Issue #12: when the code mail cannot be sent, the screen says so and no account is left
// behind (it once said "we mailed you a code" about a mail that never left). A server of its
// own, whose mail server does not answer, so the shared one's mail keeps working.
import { freePort } from '../../scripts/lib/pocketbase.mjs';
import { buildDir } from '../../scripts/lib/paths.mjs';
import { startTestServer, type TestServer } from '../helpers/server';
import { uniqueEmail } from './people';
import { expect, test } from './world';

let server: TestServer;
test.beforeAll(async () => {
  server = await startTestServer({ publicDir: buildDir });
  await server.admin.settings.update({ smtp: { enabled: true, host: '127.0.0.1', port: await freePort(), tls: false } });
});
test.afterAll(async () => server?.stop());

for (const [locale, words] of [
  ['sv', { code: 'Få en kod via e-post', email: 'E-post', send: 'Skicka kod', failed: 'Vi kunde inte skicka mejlet med koden just nu.' }],
  [
    'en',
    { code: 'Get a code by email', email: 'Email', send: 'Send code', failed: 'We could not send the e-mail with the code just now.' },
  ],
] as const) {
  test(`a code mail that cannot be sent is said, and leaves no account (${locale})`, async ({ page }) => {
    const email = uniqueEmail(`mail-down-${locale}`);
    await page.goto(`${server.url}/me`);
    if (locale === 'en') {
      await page.evaluate(() => localStorage.setItem('PARAGLIDE_LOCALE', 'en'));
      await page.reload();
    }
    await page.getByRole('button', { name: words.code }).click();
    await page.getByLabel(words.email, { exact: true }).fill(email);
    await page.getByRole('button', { name: words.send }).click();
    await expect(page.getByRole('alert')).toContainText(words.failed, { timeout: 15_000 });
    // the form asks for the address again, not for a code that never came
    await expect(page.getByRole('button', { name: words.send })).toBeVisible();
    await page.screenshot({ path: `test-results/mail-down-${locale}.png` });
    const left = await server.admin.collection('users').getList(1, 1, { filter: `email = "${email}"` });
    expect(left.totalItems).toBe(0);
  });
}
