// The door in Chromium: from a decoded code to the verdict painted on screen (performance
// marks in the page: local decision + durable outbox write + paint), beside asking the
// server for each scan (a plain round trip to the scan route) in the same run.
import { chromium } from '@playwright/test';
import { percentile, printTable, benchServer, CHROMIUM_ARGS } from './lib.mjs';

const GUESTS = 40;
const ARGS = CHROMIUM_ARGS;
const PASSWORD = 'bench-password-1';

export async function benchDoorClient() {
  const { server, admin, dispose } = await benchServer();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  try {
    await admin
      .collection('users')
      .create({ email: 'host@bench.test', name: 'Värd', role: 'host', password: PASSWORD, passwordConfirm: PASSWORD });
    const event = await admin.collection('events').create({
      title: 'Frukostmöte',
      kind: 'breakfast',
      status: 'published',
      capacity: 0,
      starts: new Date(Date.now() - 5 * 60_000).toISOString(),
      ends: new Date(Date.now() + 60 * 60_000).toISOString(),
    });
    const codes = [];
    for (let i = 0; i < GUESTS; i += 10) {
      const batch = admin.createBatch();
      for (let j = i; j < i + 10; j++)
        batch.collection('users').create({ email: `g${j}@bench.test`, name: `Gäst ${j}`, password: PASSWORD, passwordConfirm: PASSWORD });
      const users = await batch.send({ requestKey: null });
      for (const u of users) await admin.collection('registrations').create({ event: event.id, user: u.body.id }, { requestKey: null });
    }
    for (const p of await admin.collection('passes').getFullList({ filter: 'kind = "event"' })) codes.push(p.code);

    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}/me`);
    await page.getByLabel('E-post').fill('host@bench.test');
    await page.getByLabel('Lösenord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByTestId('signed-in-as').waitFor();
    await page.goto(`${server.url}/door`);
    await page.locator(`[data-testid="door-choice"] option[value="${event.id}"]`).waitFor({ state: 'attached' });
    await page.getByTestId('door-choice').selectOption(event.id);

    for (const code of codes) {
      await page.getByPlaceholder('Skriv in koden').fill(code);
      await page.getByRole('button', { name: 'Kontrollera' }).click();
      await page.locator('[data-verdict="admitted"]').waitFor();
      await page.waitForFunction((n) => performance.getEntriesByName('coffice:decode-to-verdict').length >= n, codes.indexOf(code) + 1);
      await page.getByRole('button', { name: 'Nästa' }).click();
    }
    const local = await page.evaluate(() => performance.getEntriesByName('coffice:decode-to-verdict').map((e) => e.duration));

    const token = await page.evaluate(() => JSON.parse(localStorage.getItem('pocketbase_auth') ?? '{}').token);
    const roundTrips = await page.evaluate(
      async ({ codes, token, event }) => {
        const times = [];
        for (const code of codes) {
          const t0 = performance.now();
          await (
            await fetch('/api/coffice/scan', {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', Authorization: token },
              body: JSON.stringify({ code, event }),
            })
          ).json();
          times.push(performance.now() - t0);
        }
        return times;
      },
      { codes, token, event: event.id },
    );

    console.log(`\nThe door in Chromium (${codes.length} scans each)\n`);
    printTable(
      ['what', 'p50 ms', 'p99 ms', 'note'],
      [
        [
          'decode → verdict painted, decided on the device (app)',
          percentile(local, 50),
          percentile(local, 99),
          'includes the durable outbox write',
        ],
        ['asking the scan route for each code (baseline)', percentile(roundTrips, 50), percentile(roundTrips, 99), 'loopback, no paint'],
      ],
    );
    console.log('');
  } finally {
    await browser.close();
    await dispose();
  }
}
