// Notices by mail (issue #14, DESIGN "Notices"): each fact is mailed once to the right
// person, in their language, with venue times across a summer-time change; the confirmation
// carries the pass link and an .ics; the person's choice (`mail_notices`) is honoured; the
// unsubscribe link works only with its own token; a host's message is 1–500 characters.
import nodeIcal, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendMailTo, startMailSink, type Mail, type MailSink } from '../helpers/mail-sink';
import { createEvent, startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
let sink: MailSink;
beforeAll(async () => {
  process.env.COFFICE_NOTICE_BACKOFF_MS = '50';
  server = await startTestServer();
  sink = await startMailSink();
  await sendMailTo(server.admin, sink, 'https://coffice.test');
});
afterAll(async () => {
  if (process.env.NOTICES_LOG) console.log(server.log());
  await server?.stop();
  await sink?.stop();
});

const runWorker = () => server.admin.crons.run('coffice-notices');

/** Waits for the next mail to this address, running the worker while it waits. */
async function mailTo(address: string): Promise<Mail> {
  const next = sink.nextMailTo(address);
  let got: Mail | undefined;
  void next.then((m) => (got = m));
  await expect
    .poll(
      async () => {
        if (!got) await runWorker();
        return got;
      },
      { timeout: 15_000, interval: 200 },
    )
    .toBeDefined();
  return got!;
}

async function noticesOf(userId: string) {
  return server.admin.collection('notices').getFullList({ filter: `user = "${userId}"`, sort: 'created' });
}

// the last Sunday of March 2027: summer time starts at 02:00 venue time
const DST_DAY_START = '2027-03-28 07:00:00.000Z'; // 09:00 CEST
const DST_DAY_END = '2027-03-28 08:00:00.000Z'; // 10:00 CEST

describe('mail notices', () => {
  it('confirmed (English): venue time after the summer-time change, the pass link, an .ics, one-click unsubscribe', async () => {
    const { pb, user } = await server.person('guest', 'Ada English');
    await server.admin.collection('users').update(user.id, { locale: 'en' });
    const event = await createEvent(server.admin, { title: 'Spring breakfast', starts: DST_DAY_START, ends: DST_DAY_END, capacity: 5 });
    const registration = await pb.collection('registrations').create({ event: event.id, user: user.id });
    expect(registration.status).toBe('confirmed');

    const mail = await mailTo(user.email);
    expect(mail.subject).toBe('You are registered: Spring breakfast');
    expect(mail.text).toContain('Sunday 28 March 2027, 09:00–10:00');
    const pass = await server.admin.collection('passes').getFirstListItem(`registration = "${registration.id}"`);
    expect(mail.text).toContain(`https://coffice.test/passes/${pass.id}`);
    expect(mail.html).toContain(`https://coffice.test/passes/${pass.id}`);
    expect(mail.text).toContain('https://coffice.test/me#notices');
    const venue = await server.client().collection('venue').getOne('venuesettings01');
    expect(mail.text).toContain(venue.address);

    const ics = mail.attachments.find((a) => a.filename.endsWith('.ics'));
    expect(ics).toBeDefined();
    const [entry] = Object.values(nodeIcal.sync.parseICS(ics!.content)).filter((c): c is VEvent => c?.type === 'VEVENT');
    expect(entry.summary).toContain('Spring breakfast');
    expect(new Date(entry.start).toISOString()).toBe('2027-03-28T07:00:00.000Z');

    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(mail.headers['list-unsubscribe']).toMatch(/^<https:\/\/coffice\.test\/api\/coffice\/unsubscribe\?u=[a-z0-9]{15}&t=[^>]+>$/);

    const notices = await noticesOf(user.id);
    expect(notices.map((n) => [n.kind, n.status, n.key])).toEqual([['confirmed', 'sent', `confirmed:${registration.id}`]]);
  });

  it('waitlisted with the position, then a place from the waitlist (Swedish), each once', async () => {
    const event = await createEvent(server.admin, { title: 'Frukost', starts: DST_DAY_START, ends: DST_DAY_END, capacity: 1 });
    const first = await server.person('guest', 'Först');
    const second = await server.person('guest', 'Andra');
    const firstReg = await first.pb.collection('registrations').create({ event: event.id, user: first.user.id });
    const secondReg = await second.pb.collection('registrations').create({ event: event.id, user: second.user.id });
    expect(secondReg.status).toBe('waitlisted');
    await mailTo(first.user.email);
    const waitlisted = await mailTo(second.user.email);
    expect(waitlisted.subject).toBe('Du står på väntelistan: Frukost');
    expect(waitlisted.text).toContain('som nummer 1');
    expect(waitlisted.text).toContain('söndag 28 mars 2027 09:00–10:00');

    await first.pb.collection('registrations').update(firstReg.id, { status: 'cancelled' });
    const promoted = await mailTo(second.user.email);
    expect(promoted.subject).toBe('Du fick en plats: Frukost');
    const pass = await server.admin.collection('passes').getFirstListItem(`registration = "${secondReg.id}"`);
    expect(promoted.text).toContain(`/passes/${pass.id}`);
    expect(promoted.attachments.some((a) => a.filename.endsWith('.ics'))).toBe(true);

    await runWorker();
    expect(sink.mailsTo(second.user.email).map((m) => m.subject)).toEqual(['Du står på väntelistan: Frukost', 'Du fick en plats: Frukost']);
    expect(sink.mailsTo(first.user.email)).toHaveLength(1);
  });

  it('a move across the change back to winter time says old → new in venue time; a cancellation is told to everyone registered', async () => {
    // Saturday 30 October 2027 10:00 CEST → Sunday 31 October 2027 10:00 CET (the last Sunday of October)
    const event = await createEvent(server.admin, {
      title: 'Höstmöte',
      starts: '2027-10-30 08:00:00.000Z',
      ends: '2027-10-30 09:00:00.000Z',
    });
    const sv = await server.person('guest', 'Svensk');
    const en = await server.person('guest', 'English');
    await server.admin.collection('users').update(en.user.id, { locale: 'en' });
    await sv.pb.collection('registrations').create({ event: event.id, user: sv.user.id });
    await en.pb.collection('registrations').create({ event: event.id, user: en.user.id });
    await mailTo(sv.user.email);
    await mailTo(en.user.email);

    const host = await server.person('host');
    await host.pb.collection('events').update(event.id, { starts: '2027-10-31 09:00:00.000Z', ends: '2027-10-31 10:00:00.000Z' });
    const changedSv = await mailTo(sv.user.email);
    expect(changedSv.subject).toBe('Ändrat: Höstmöte');
    expect(changedSv.text).toContain('Förut: lördag 30 oktober 2027 10:00–11:00');
    expect(changedSv.text).toContain('Nu: söndag 31 oktober 2027 10:00–11:00');
    const changedEn = await mailTo(en.user.email);
    expect(changedEn.text).toContain('Now: Sunday 31 October 2027, 10:00–11:00');

    await host.pb.collection('events').update(event.id, { status: 'cancelled' });
    expect((await mailTo(sv.user.email)).subject).toBe('Inställt: Höstmöte');
    expect((await mailTo(en.user.email)).subject).toBe('Cancelled: Höstmöte');
    await runWorker();
    expect(sink.mailsTo(sv.user.email)).toHaveLength(3);
  });

  it('an event marked cancelled after it took place tells nobody (the mark is for the statistics)', async () => {
    const event = await createEvent(server.admin, {
      title: 'Förra veckans frukost',
      starts: new Date(Date.now() - 8 * 86_400_000).toISOString(),
      ends: new Date(Date.now() - 8 * 86_400_000 + 3_600_000).toISOString(),
    });
    const guest = await server.person('guest');
    await server.admin.collection('registrations').create({ event: event.id, user: guest.user.id, status: 'confirmed' });
    const host = await server.person('host');
    await host.pb.collection('events').update(event.id, { status: 'cancelled' });
    expect((await server.admin.collection('events').getOne(event.id)).status).toBe('cancelled');
    const notices = await server.admin.collection('notices').getFullList({ filter: `event = "${event.id}"` });
    expect(notices.map((n) => n.kind)).not.toContain('cancelled');
  });

  it('a refused edit writes no notice', async () => {
    const event = await createEvent(server.admin, { title: 'Full', starts: DST_DAY_START, ends: DST_DAY_END, capacity: 2 });
    const people = [await server.person('guest'), await server.person('guest')];
    for (const p of people) await p.pb.collection('registrations').create({ event: event.id, user: p.user.id });
    const host = await server.person('host');
    // a new time together with a capacity below those confirmed: the whole edit is refused
    await expect(
      host.pb.collection('events').update(event.id, { starts: '2027-03-29 07:00:00.000Z', ends: '2027-03-29 08:00:00.000Z', capacity: 1 }),
    ).rejects.toMatchObject({ status: 400 });
    const notices = await server.admin.collection('notices').getFullList({ filter: `event = "${event.id}"` });
    expect(notices.map((n) => n.kind).sort()).toEqual(['confirmed', 'confirmed']);
  });

  it('the reminder goes the afternoon before (16:00 venue time), to those who want all notices; `essential` and `none` are honoured', async () => {
    const event = await createEvent(server.admin, { title: 'Tidig frukost', starts: '2027-03-28 05:30:00.000Z', ends: DST_DAY_END });
    const all = await server.person('guest', 'Alla');
    const essential = await server.person('guest', 'Viktiga');
    const none = await server.person('guest', 'Inga');
    await server.admin.collection('users').update(essential.user.id, { mail_notices: 'essential' });
    await server.admin.collection('users').update(none.user.id, { mail_notices: 'none' });
    for (const p of [all, essential, none]) await p.pb.collection('registrations').create({ event: event.id, user: p.user.id });
    await mailTo(all.user.email);
    await mailTo(essential.user.email);

    // 15:55 venue time (CET) the day before: not yet
    const early = await server.admin.send('/api/coffice/notices/reminders', { method: 'POST', body: { at: '2027-03-27T14:55:00Z' } });
    expect(early.queued).toBe(0);
    const due = await server.admin.send('/api/coffice/notices/reminders', { method: 'POST', body: { at: '2027-03-27T15:05:00Z' } });
    // (other tests' registrations on this day are reminded too)
    expect(due.queued).toBeGreaterThanOrEqual(3);
    const reminders = await server.admin.collection('notices').getFullList({ filter: `event = "${event.id}" && kind = "reminder"` });
    expect(reminders).toHaveLength(3);
    const again = await server.admin.send('/api/coffice/notices/reminders', { method: 'POST', body: { at: '2027-03-27T15:20:00Z' } });
    expect(again.queued).toBe(0);

    const reminder = await mailTo(all.user.email);
    expect(reminder.subject).toBe('I morgon: Tidig frukost');
    expect(reminder.text).toContain('söndag 28 mars 2027 07:30–10:00');
    await runWorker();
    expect(sink.mailsTo(essential.user.email).map((m) => m.subject)).toEqual(['Du är anmäld: Tidig frukost']);
    expect(sink.mailsTo(none.user.email)).toHaveLength(0);
    const statuses = async (userId: string) => (await noticesOf(userId)).map((n) => `${n.kind}:${n.status}`);
    expect(await statuses(essential.user.id)).toEqual(['confirmed:sent', 'reminder:skipped']);
    expect(await statuses(none.user.id)).toEqual(['confirmed:skipped', 'reminder:skipped']);
  });

  it('welcomes a new member once', async () => {
    const { user } = await server.person('guest', 'Blivande medlem');
    await server.admin.collection('users').update(user.id, { role: 'member' });
    const welcome = await mailTo(user.email);
    expect(welcome.subject).toBe('Välkommen som medlem i Coffice');
    await server.admin.collection('users').update(user.id, { role: 'guest' });
    await server.admin.collection('users').update(user.id, { role: 'member' });
    await runWorker();
    expect(sink.mailsTo(user.email)).toHaveLength(1);
  });

  it("a host's message reaches the confirmed and waitlisted people; too long or from a guest is refused", async () => {
    const event = await createEvent(server.admin, { title: 'Lunch', starts: DST_DAY_START, ends: DST_DAY_END, capacity: 1 });
    const a = await server.person('guest', 'A');
    const b = await server.person('guest', 'B');
    await a.pb.collection('registrations').create({ event: event.id, user: a.user.id });
    await b.pb.collection('registrations').create({ event: event.id, user: b.user.id });
    await mailTo(a.user.email);
    await mailTo(b.user.email);
    const host = await server.person('host');

    const long = await fetch(`${server.url}/api/coffice/events/${event.id}/message`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: host.pb.authStore.token },
      body: JSON.stringify({ text: 'x'.repeat(10_000) }),
    });
    expect(long.status).toBe(400);
    expect((await long.json()).message).toBe('The message is 10000 characters long: at most 500 are sent.');
    await expect(a.pb.send(`/api/coffice/events/${event.id}/message`, { method: 'POST', body: { text: 'Hej' } })).rejects.toMatchObject({
      status: 403,
    });

    const answer = await host.pb.send(`/api/coffice/events/${event.id}/message`, {
      method: 'POST',
      body: { text: 'Ingången är på baksidan i dag.' },
    });
    expect(answer).toEqual({ sent: 2 });
    const saved = await server.admin.collection('events').getOne(event.id);
    expect(saved.message).toBe('Ingången är på baksidan i dag.');
    for (const p of [a, b]) {
      const mail = await mailTo(p.user.email);
      expect(mail.subject).toBe('Meddelande om Lunch');
      expect(mail.text).toContain('Ingången är på baksidan i dag.');
    }
  });

  it('unsubscribes in one click with its own token; a forged or missing token changes nothing', async () => {
    const { pb, user } = await server.person('guest', 'Avslutare');
    const event = await createEvent(server.admin, { starts: DST_DAY_START, ends: DST_DAY_END });
    await pb.collection('registrations').create({ event: event.id, user: user.id });
    const mail = await mailTo(user.email);
    const link = /<([^>]+)>/.exec(mail.headers['list-unsubscribe'])![1];
    const path = new URL(link).pathname + new URL(link).search;

    const forged = path.replace(/t=[^&]+/, 't=' + 'a'.repeat(64));
    const refused = await fetch(server.url + forged, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('nothing was changed');
    const missing = await fetch(`${server.url}/api/coffice/unsubscribe?u=${user.id}`, { method: 'POST' });
    expect(missing.status).toBe(400);
    expect((await server.admin.collection('users').getOne(user.id)).mail_notices).toBe('');

    const page = await fetch(server.url + path);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Avsluta aviseringar via e-post?');
    expect((await server.admin.collection('users').getOne(user.id)).mail_notices).toBe('');

    const done = await fetch(server.url + path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(done.status).toBe(200);
    expect((await server.admin.collection('users').getOne(user.id)).mail_notices).toBe('none');
  });
});
