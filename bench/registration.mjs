// Registering online with 20 passes, in Chromium against a real PocketBase: tap "Anmäl mig"
// right after opening an event (the app's first sync is pulling) until the server has
// stored the registration, beside a plain create of the same kind of record from the same
// page; and the passes list a person with 20 passes pulls, beside the events list.
import { performance } from 'node:perf_hooks';
import { chromium } from '@playwright/test';
import PocketBase from 'pocketbase';
import { measure, percentile, printTable, benchServer, CHROMIUM_ARGS } from './lib.mjs';

const PASSES = 20;
const TAPS = 7;
const PASSWORD = 'bench-password-1';
const day = 24 * 3600_000;

/** @param {PocketBase} admin @param {number} i */
function newEvent(admin, i) {
  const starts = Date.now() + 30 * day + i * 3600_000;
  return admin.collection('events').create(
    {
      title: `Mätkväll ${i}`,
      kind: 'meetup',
      status: 'published',
      starts: new Date(starts).toISOString(),
      ends: new Date(starts + 1800_000).toISOString(),
    },
    { requestKey: null },
  );
}

export async function benchRegistration() {
  const { server, admin, dispose } = await benchServer();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const email = 'twenty@coffice.test';
    const guest = await admin.collection('users').create({ email, name: 'Tjugo Pass', password: PASSWORD, passwordConfirm: PASSWORD });
    for (let i = 0; i < PASSES; i++) {
      const event = await newEvent(admin, i);
      await admin.collection('registrations').create({ event: event.id, user: guest.id }, { requestKey: null });
    }
    let next = PASSES;

    // The lists the app pulls, read by the person with their 20 passes
    const person = new PocketBase(server.url);
    person.autoCancellation(false);
    await person.collection('users').authWithPassword(email, PASSWORD);
    const held = await person.collection('passes').getFullList({ filter: `holder = "${guest.id}"` });
    if (held.filter((p) => !p.revoked && p.qr).length < PASSES) throw new Error('the passes came without their QR modules');
    const eventsCount = (await person.collection('events').getList(1, 1)).totalItems;
    const passesList = await measure(() => person.collection('passes').getFullList({ filter: `holder = "${guest.id}"` }), {
      runs: 50,
      warmup: 5,
    });
    const eventsList = await measure(() => person.collection('events').getFullList(), { runs: 50, warmup: 5 });

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/me`);
    await page.getByLabel('E-post').fill(email);
    await page.getByLabel('Lösenord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByTestId('signed-in-as').waitFor();

    // The app: open an event (a fresh start, so its first sync runs) and tap at once
    const isCreate = (/** @type {import('@playwright/test').Response} */ r) =>
      r.request().method() === 'POST' && r.url().includes('/api/collections/registrations/records');
    const taps = [];
    for (let i = 0; i < TAPS; i++) {
      const event = await newEvent(admin, next++);
      await page.goto(`${server.url}/events/${event.id}`);
      const button = page.getByRole('button', { name: 'Anmäl mig' });
      await button.waitFor();
      const stored = page.waitForResponse(isCreate);
      const start = performance.now();
      await button.click();
      await stored;
      taps.push(performance.now() - start);
    }

    // Baseline: the same record created from the same page with one plain request
    const plain = [];
    for (let i = 0; i < TAPS; i++) {
      const event = await newEvent(admin, next++);
      plain.push(
        await page.evaluate(
          async ({ eventId, userId }) => {
            const token = JSON.parse(localStorage.getItem('pocketbase_auth') ?? '{}').token;
            const start = performance.now();
            const answer = await fetch('/api/collections/registrations/records', {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', Authorization: token },
              body: JSON.stringify({ event: eventId, user: userId }),
            });
            if (!answer.ok) throw new Error(`create: ${answer.status}`);
            return performance.now() - start;
          },
          { eventId: event.id, userId: guest.id },
        ),
      );
    }

    console.log(`\nRegistering online with ${PASSES} passes (Chromium, ${TAPS} taps; lists: 50 reads)\n`);
    printTable(
      ['what', 'median ms', 'max ms', 'note'],
      [
        [
          'tap "Anmäl mig" → registration stored (app, first sync running)',
          percentile(taps, 50),
          Math.max(...taps),
          'server answer to the create',
        ],
        ['plain create of a registration from the page (baseline)', percentile(plain, 50), Math.max(...plain), 'one fetch, no app'],
        [
          `passes list, ${held.length} passes with QR modules`,
          percentile(passesList, 50),
          Math.max(...passesList),
          'what the passes pull reads',
        ],
        [
          `events list, ${eventsCount} events (baseline)`,
          percentile(eventsList, 50),
          Math.max(...eventsList),
          'what the events pull reads',
        ],
      ],
    );
    console.log('');
  } finally {
    await browser.close();
    await dispose();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchRegistration();
