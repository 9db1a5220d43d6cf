// The offline-first programme with 1,000 events, in Debian's Chromium against a real
// PocketBase: first render from IndexedDB (offline reload) beside a raw IndexedDB read of
// the same records, and the delta sync of 1,000 changed events beside fetching the same
// changes from the API without storing them.
import { chromium } from '@playwright/test';
import { percentile, printTable, benchServer, CHROMIUM_ARGS } from './lib.mjs';
import { toStored } from '../scripts/lib/venue-clock.mjs';

const EVENTS = 1000;
const RELOADS = 7;
const SYNCS = 3;
const ARGS = CHROMIUM_ARGS;

/** @param {import('pocketbase').default} admin @param {(i: number) => Record<string, unknown>} body @param {string} [update] */
async function writeAll(admin, body, update) {
  for (let i = 0; i < EVENTS; i += 100) {
    const batch = admin.createBatch();
    for (let j = i; j < Math.min(EVENTS, i + 100); j++) {
      if (update) batch.collection('events').update(`bench${String(j).padStart(10, '0')}`, body(j));
      else batch.collection('events').create(body(j));
    }
    await batch.send({ requestKey: null });
  }
}

export async function benchProgramme() {
  const { server, admin, dispose } = await benchServer();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  try {
    const hall = await admin.collection('spaces').create({ name: 'Eventytan', kind: 'event_area', capacity: 60 });
    const day = 24 * 3600_000;
    await writeAll(admin, (i) => ({
      id: `bench${String(i).padStart(10, '0')}`,
      title: `Evenemang ${i}`,
      summary: 'Ett evenemang för mätningen.',
      kind: 'talk',
      space: hall.id,
      status: 'published',
      capacity: 40,
      starts: new Date(Date.now() + (i % 365) * day + 3600_000).toISOString(),
      ends: new Date(Date.now() + (i % 365) * day + 7200_000).toISOString(),
    }));

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    const countEvents = () =>
      page.evaluate(
        () =>
          new Promise((resolve) => {
            const open = indexedDB.open('coffice');
            open.onsuccess = () => {
              const req = open.result.transaction('events').objectStore('events').count();
              req.onsuccess = () => resolve(req.result);
            };
          }),
      );
    await page.waitForFunction(() => performance.getEntriesByName('coffice:programme-painted').length > 0);
    while ((await countEvents()) < EVENTS) await page.waitForTimeout(100);
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);

    // First render from the device, offline.
    await context.setOffline(true);
    const painted = [];
    const rawRead = [];
    for (let i = 0; i < RELOADS; i++) {
      await page.reload();
      await page.waitForFunction(() => performance.getEntriesByName('coffice:programme-painted').length > 0);
      painted.push(await page.evaluate(() => performance.getEntriesByName('coffice:programme-painted')[0].startTime));
      rawRead.push(
        await page.evaluate(
          () =>
            new Promise((resolve) => {
              const t0 = performance.now();
              const open = indexedDB.open('coffice');
              open.onsuccess = () => {
                const req = open.result.transaction('events').objectStore('events').getAll();
                req.onsuccess = () => resolve(performance.now() - t0);
              };
            }),
        ),
      );
    }

    // Delta sync of 1,000 changed events, and the same changes fetched raw.
    const syncs = [];
    const rawFetch = [];
    for (let round = 1; round <= SYNCS; round++) {
      await context.setOffline(true);
      const since = toStored(Date.now() - 1000);
      await writeAll(admin, (i) => ({ title: `Evenemang ${i} v${round}` }), 'update');
      const before = await page.evaluate(() => performance.getEntriesByName('coffice:events-pull').length);
      await context.setOffline(false);
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      const state = () =>
        page.evaluate(
          (r) =>
            new Promise((resolve) => {
              const open = indexedDB.open('coffice');
              open.onsuccess = () => {
                const req = open.result.transaction('events').objectStore('events').getAll();
                req.onsuccess = () =>
                  resolve({
                    pulls: performance.getEntriesByName('coffice:events-pull').length,
                    updated: req.result.every((e) => e.title.endsWith(`v${r}`)),
                  });
              };
            }),
          round,
        );
      const deadline = Date.now() + 60_000;
      for (let s = await state(); !(s.pulls > before && s.updated); s = await state()) {
        if (Date.now() > deadline) throw new Error(`the app did not sync round ${round}: ${JSON.stringify(s)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      syncs.push(await page.evaluate(() => performance.getEntriesByName('coffice:events-pull').at(-1).duration));
      rawFetch.push(
        await page.evaluate(async (cursor) => {
          const t0 = performance.now();
          let got = 0;
          for (let p = 1; ; p++) {
            const filter = encodeURIComponent(`updated >= "${cursor}"`);
            const res = await fetch(`/api/collections/events/records?page=${p}&perPage=500&sort=updated,id&skipTotal=1&filter=${filter}`);
            const items = (await res.json()).items;
            got += items.length;
            if (items.length < 500) break;
          }
          return got >= 1000 ? performance.now() - t0 : -1;
        }, since),
      );
    }

    console.log(`\nProgramme offline-first with ${EVENTS} events (Chromium, median of ${RELOADS} reloads / ${SYNCS} syncs)\n`);
    printTable(
      ['what', 'median ms', 'max ms', 'note'],
      [
        ['offline reload → programme painted from IndexedDB (app)', percentile(painted, 50), Math.max(...painted), 'from navigation start'],
        ['raw IndexedDB open + getAll of the same events (baseline)', percentile(rawRead, 50), Math.max(...rawRead), 'no rendering'],
        ['delta sync of 1,000 changed events into IndexedDB (app)', percentile(syncs, 50), Math.max(...syncs), 'fetch + store + cursor'],
        ['raw API fetch of the same 1,000 changes (baseline)', percentile(rawFetch, 50), Math.max(...rawFetch), 'fetch only'],
      ],
    );
    console.log('');
  } finally {
    await browser.close();
    await dispose();
  }
}
