// Calendars as a person meets them: "Add to my calendar" hands over an .ics with the
// venue's time zone, and My programme gives a personal feed link that a new link replaces.
import fs from 'node:fs';
import nodeIcal, { type VEvent } from 'node-ical';
import PocketBase from 'pocketbase';
import { fromStored } from '../../src/lib/time/venue-clock';
import { E2E, expect, test } from './world';
import { signIn } from './people';

function vevents(text: string): VEvent[] {
  return Object.values(nodeIcal.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
}

test('"Add to my calendar" downloads the event as an .ics in Stockholm time', async ({ page }) => {
  const stored = await new PocketBase(process.env.COFFICE_URL).collection('events').getFirstListItem(`title = "${E2E.talkTitle}"`);
  await page.goto('/');
  await page.getByRole('link', { name: E2E.talkTitle }).click();
  await expect(page.getByRole('heading', { level: 1, name: E2E.talkTitle })).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Lägg till i min kalender' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Sa-vaxer-smaforetag-i-mindre-stader.ics');
  const text = fs.readFileSync(await file.path(), 'utf8');
  expect(text).toMatch(/\r\nDTSTART;TZID=Europe\/Stockholm:\d{8}T\d{6}\r\n/);
  const [event] = vevents(text);
  expect(event.summary).toBe(E2E.talkTitle);
  // the room, then the venue's settings (its name and address; venue.e2e.ts may be editing
  // them at the same time, so only their shape is fixed here)
  expect(event.location).toMatch(/^Eventytan, Coffice [^,]+, [^,]+, \d{3} \d{2} Söderköping$/);
  // iCalendar times have whole seconds
  const starts = fromStored(stored.starts).getTime();
  expect(event.start.getTime()).toBe(starts - (starts % 1000));
});

test('My programme gives a personal calendar link that works until a new one replaces it', async ({ page }) => {
  await signIn(page, E2E.guest);
  await page.goto('/mine');
  const field = page.getByTestId('calendar-feed-url');
  await expect(field).toHaveValue(/^webcal:\/\/.+\/api\/coffice\/calendar\/[a-z0-9]{15}\/[a-z0-9]{32}\.ics$/);
  const first = await field.inputValue();
  const asHttp = (webcal: string) => webcal.replace(/^webcal:/, new URL(process.env.COFFICE_URL!).protocol);

  const feed = await fetch(asHttp(first));
  expect(feed.status).toBe(200);
  expect(vevents(await feed.text()).map((e) => e.summary)).toContain(E2E.breakfastTitle);

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Skapa en ny länk' }).click();
  await expect(page.getByText('En ny länk är skapad. Den gamla fungerar inte längre.')).toBeVisible();
  await expect(field).not.toHaveValue(first);
  const second = await field.inputValue();
  expect((await fetch(asHttp(first))).status).toBe(404);
  expect((await fetch(asHttp(second))).status).toBe(200);
});
