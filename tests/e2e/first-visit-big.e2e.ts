// Issue #17: a first visit to a venue with a big programme (1,000 events) paints the
// server's answer before the device has stored it. The order is observed, not timed: when
// the first card enters the page, the app's "all stored" mark must not exist yet and the
// device's `events` store must not hold the whole programme; afterwards both must.
import { buildDir } from '../../scripts/lib/paths.mjs';
import { startTestServer, minutesFromNow, type TestServer } from '../helpers/server';
import { expect, test } from './world';

const EVENTS = 1000;
let server: TestServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startTestServer({ publicDir: buildDir });
  const hall = await server.admin.collection('spaces').create({ name: 'Stora salen', kind: 'event_area', capacity: 80 });
  for (let first = 0; first < EVENTS; first += 100) {
    const batch = server.admin.createBatch();
    for (let i = first; i < first + 100; i++) {
      batch.collection('events').create({
        title: `Programpunkt ${i + 1}`,
        kind: 'talk',
        space: hall.id,
        status: 'published',
        capacity: 40,
        // a talk every ten minutes or so from now on: the first cards are the first ones
        starts: minutesFromNow(60 + i * 10),
        ends: minutesFromNow(110 + i * 10),
      });
    }
    await batch.send({ requestKey: null });
  }
});

test.afterAll(async () => {
  await server?.stop();
});

test('a first visit to 1,000 events shows its first cards before the device has stored the programme', async ({ page }) => {
  // Runs in the page before the app: when the first card enters the DOM (in the same task
  // as the render), note whether the app said "all stored" and count the events IndexedDB
  // holds. The count's read transaction queues behind the write transactions begun before
  // it, so it sees what was stored up to that moment. The connection is opened once the
  // app has opened (and created) the database: its first read of the device marks that.
  await page.addInitScript(() => {
    const seen = { storedMark: null as boolean | null, count: null as number | null };
    Object.assign(window, { firstCard: seen });
    let db: IDBDatabase | null = null;
    let countWhenOpen: (() => void) | null = null;
    new PerformanceObserver((list, self) => {
      if (list.getEntriesByName('coffice:schedule-loaded').length === 0) return;
      self.disconnect();
      const open = indexedDB.open('coffice');
      open.onsuccess = () => {
        db = open.result;
        countWhenOpen?.();
      };
    }).observe({ entryTypes: ['mark'] });
    const countNow = () => {
      const count = db!.transaction('events').objectStore('events').count();
      count.onsuccess = () => (seen.count = count.result);
    };
    const observer = new MutationObserver(() => {
      if (!document.querySelector('main article')) return;
      observer.disconnect();
      seen.storedMark = performance.getEntriesByName('coffice:events-stored').length > 0;
      if (db) countNow();
      else countWhenOpen = countNow;
    });
    observer.observe(document, { childList: true, subtree: true });
  });

  await page.goto(`${server.url}/`);
  await expect(page.getByRole('link', { name: 'Programpunkt 1', exact: true })).toBeVisible();
  const firstCard = () =>
    page.evaluate(() => (window as unknown as { firstCard: { storedMark: boolean; count: number | null } }).firstCard);
  await expect.poll(async () => (await firstCard()).count).not.toBeNull();
  const atFirstCard = await firstCard();
  expect(atFirstCard.storedMark, 'the app said the programme was stored before its first card').toBe(false);
  expect(atFirstCard.count).toBeLessThan(EVENTS);

  // and the device does get all of it, in the background, without the list growing with it
  await page.waitForFunction(() => performance.getEntriesByName('coffice:events-stored').length > 0, undefined, { timeout: 30_000 });
  const stored = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('coffice');
        open.onsuccess = () => {
          const count = open.result.transaction('events').objectStore('events').count();
          count.onsuccess = () => resolve(count.result);
        };
      }),
  );
  expect(stored).toBe(EVENTS);
  await expect(page.locator('main article')).toHaveCount(30);
  await page.getByRole('button', { name: 'Visa fler' }).click();
  await expect(page.locator('main article')).toHaveCount(60);
});
