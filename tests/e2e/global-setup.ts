// One real PocketBase for the end-to-end run: a temp data folder, a free port, the built
// app in build/, and a few records arranged through the API (never the demo seed).
import fs from 'node:fs';
import path from 'node:path';
import { buildDir } from '../../scripts/lib/paths.mjs';
import { createEvent, minutesFromNow, PASSWORD, startTestServer } from '../helpers/server';
import { sendMailTo, startMailSink } from '../helpers/mail-sink';
import { E2E } from './world';

export default async function globalSetup() {
  if (!fs.existsSync(path.join(buildDir, 'index.html'))) {
    throw new Error('build/ is missing: run `npm run build` first (npm test does).');
  }
  const server = await startTestServer({ publicDir: buildDir });
  const { admin } = server;
  // one-time codes and reset links go to a real local SMTP sink the tests read over HTTP
  const mail = await startMailSink({ http: true });
  await sendMailTo(admin, mail, server.url);

  const room = await admin.collection('spaces').create({ name: 'Eventytan', kind: 'event_area', capacity: 60 });
  // the open area members book desks in by the day (/desks); only desks.e2e.ts books them
  await admin.collection('spaces').create({ name: E2E.openArea, kind: 'open_area', capacity: 3, bookable: true });
  const breakfast = await createEvent(admin, {
    title: E2E.breakfastTitle,
    summary: 'Kaffe och nyheter från kommunen.',
    kind: 'breakfast',
    space: room.id,
    starts: minutesFromNow(30),
    ends: minutesFromNow(120),
    capacity: 40,
  });
  await createEvent(admin, {
    title: E2E.talkTitle,
    kind: 'talk',
    speaker: 'Karin Åström',
    space: room.id,
    starts: minutesFromNow(60 * 26),
    ends: minutesFromNow(60 * 27),
    capacity: 50,
  });
  for (const [email, name, role] of [
    [E2E.guest.email, E2E.guest.name, 'guest'],
    [E2E.host.email, E2E.host.name, 'host'],
  ]) {
    await admin.collection('users').create({ email, name, role, password: PASSWORD, passwordConfirm: PASSWORD });
  }
  const guest = await admin.collection('users').getFirstListItem(`email = "${E2E.guest.email}"`);
  await admin.collection('registrations').create({ event: breakfast.id, user: guest.id });

  process.env.COFFICE_URL = server.url;
  process.env.COFFICE_MAIL_URL = mail.httpUrl;
  return async () => {
    await server.stop();
    await mail.stop();
  };
}
