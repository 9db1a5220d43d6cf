// The writes no client may make, and the rules only the server applies: roles, the
// status of a registration, passes and check-ins, capacity and the waitlist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientResponseError } from 'pocketbase';
import { createEvent, minutesFromNow, PASSWORD, startTestServer, type TestServer } from '../helpers/server';
import type { TypedPocketBase } from '../../src/lib/pocketbase/types';
import { fromStored, toStored } from '../../src/lib/time/venue-clock';
import { venueAt } from '../helpers/venue-at';
import { awayFromMidnight } from './door-fixtures';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

/** The refusal a request met: its status, message and field codes (the app reads only the codes). */
async function refusal(request: Promise<unknown>): Promise<{ status: number; message: string; codes: string[] }> {
  try {
    await request;
  } catch (error) {
    if (error instanceof ClientResponseError) {
      const fields = (error.response?.data ?? {}) as Record<string, { code?: string }>;
      return { status: error.status, message: error.message, codes: Object.values(fields).map((f) => f.code ?? '') };
    }
    throw error;
  }
  throw new Error('expected the server to refuse, but it accepted');
}

const passesOf = (userId: string) => server.admin.collection('passes').getFullList({ filter: `holder = "${userId}"`, sort: 'created' });

describe('roles', () => {
  it('a new sign-up is always a guest, and cannot sign up as a host', async () => {
    const anonymous = server.client();
    const email = `newcomer-${Date.now()}@coffice.test`;
    const asHost = await refusal(
      anonymous.collection('users').create({ email, password: PASSWORD, passwordConfirm: PASSWORD, role: 'host' }),
    );
    expect(asHost.status).toBe(400);
    expect(await server.admin.collection('users').getFullList({ filter: `email = "${email}"` })).toHaveLength(0);

    const created = await anonymous.collection('users').create({ email, password: PASSWORD, passwordConfirm: PASSWORD });
    expect(created.role).toBe('guest');
    expect(created.locale).toBe('sv');
  });

  it('nobody sets their own role or company; sending the unchanged role is fine', async () => {
    const company = await server.admin.collection('companies').create({ name: `Egen firma ${Date.now()}`, seat: 'flex' });
    for (const role of ['guest', 'member'] as const) {
      const { pb, user } = await server.person(role);
      expect((await refusal(pb.collection('users').update(user.id, { role: 'host' }))).status).toBe(404);
      expect((await refusal(pb.collection('users').update(user.id, { company: company.id }))).status).toBe(404);
      await pb.collection('users').update(user.id, { role, name: 'Nytt Namn' });
      const after = await server.admin.collection('users').getOne(user.id);
      expect(after).toMatchObject({ role, company: '', name: 'Nytt Namn' });
    }
  });

  it('a host gives and takes the member role, and the member pass follows', async () => {
    const { pb: host } = await server.person('host');
    const { user } = await server.person('guest');
    expect(await passesOf(user.id)).toHaveLength(0);

    await host.collection('users').update(user.id, { role: 'member' });
    const issued = await passesOf(user.id);
    expect(issued).toHaveLength(1);
    expect(issued[0]).toMatchObject({ kind: 'member', revoked: false });

    await host.collection('users').update(user.id, { role: 'guest' });
    expect((await passesOf(user.id)).map((p) => p.revoked)).toEqual([true]);
  });
});

describe('registrations', () => {
  it('the server sets the status; no client sends one', async () => {
    const event = await createEvent(server.admin, { capacity: 5 });
    const { pb, user } = await server.person('guest');
    const sent = await refusal(pb.collection('registrations').create({ event: event.id, user: user.id, status: 'confirmed' }));
    expect(sent.status).toBe(400);
    const made = await pb.collection('registrations').create({ event: event.id, user: user.id });
    expect(made.status).toBe('confirmed');
  });

  it('fills to capacity, waitlists in order, and moves the waitlist up when a place frees', async () => {
    const event = await createEvent(server.admin, { capacity: 2 });
    const people = [];
    for (let i = 0; i < 4; i++) people.push(await server.person('guest'));
    const regs = [];
    for (const { pb, user } of people) regs.push(await pb.collection('registrations').create({ event: event.id, user: user.id }));
    expect(regs.map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted']);

    // the waitlisted person cannot confirm themselves
    const self = await refusal(people[2].pb.collection('registrations').update(regs[2].id, { status: 'confirmed' }));
    expect(self.status).toBe(404);

    await people[0].pb.collection('registrations').update(regs[0].id, { status: 'cancelled' });
    const after = await Promise.all(regs.map((r) => server.admin.collection('registrations').getOne(r.id)));
    expect(after.map((r) => r.status)).toEqual(['cancelled', 'confirmed', 'confirmed', 'waitlisted']);

    const [firstPass] = await passesOf(people[0].user.id);
    expect(firstPass.revoked).toBe(true);
    const [movedUp] = await passesOf(people[2].user.id);
    expect(movedUp).toMatchObject({ kind: 'event', registration: regs[2].id, revoked: false });
  });

  it('cannot be moved to another event or person', async () => {
    const [a, b] = [await createEvent(server.admin), await createEvent(server.admin)];
    const { pb, user } = await server.person('guest');
    const other = await server.person('guest');
    const reg = await pb.collection('registrations').create({ event: a.id, user: user.id });
    expect((await refusal(pb.collection('registrations').update(reg.id, { status: 'cancelled', event: b.id }))).status).toBe(404);
    expect((await refusal(pb.collection('registrations').update(reg.id, { status: 'cancelled', user: other.user.id }))).status).toBe(404);
    expect(await server.admin.collection('registrations').getOne(reg.id)).toMatchObject({
      event: a.id,
      user: user.id,
      status: 'confirmed',
    });
  });

  it.each([
    ['a past event', { starts: minutesFromNow(-120), ends: minutesFromNow(-60) }, 'event_ended'],
    ['a cancelled event', { status: 'cancelled' }, 'event_cancelled'],
  ])('refuses %s with its code', async (_, fields, code) => {
    const event = await createEvent(server.admin, fields);
    const { pb, user } = await server.person('guest');
    const answer = await refusal(pb.collection('registrations').create({ event: event.id, user: user.id }));
    expect(answer).toMatchObject({ status: 400, codes: [code] });
  });

  it('answers a guest registering for a draft exactly as for an event that does not exist', async () => {
    const draft = await createEvent(server.admin, { status: 'draft' });
    const { pb, user } = await server.person('guest');
    const answer = async (event: string) => {
      const response = await fetch(`${server.url}/api/collections/registrations/records`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: pb.authStore.token },
        body: JSON.stringify({ event, user: user.id }),
      });
      return { status: response.status, body: await response.text() };
    };
    const forDraft = await answer(draft.id);
    const forNothing = await answer('nosucheventxyz1');
    expect(forDraft).toEqual(forNothing);
    expect(forDraft.status).toBe(400);
    expect(JSON.parse(forDraft.body)).toMatchObject({ data: { event: { code: 'event_unknown' } } });
    expect(await server.admin.collection('registrations').getFullList({ filter: `event = "${draft.id}"` })).toEqual([]);
    // a host, who sees drafts anyway, is told why
    const host = await server.person('host');
    const hostAnswer = await refusal(host.pb.collection('registrations').create({ event: draft.id, user: host.user.id }));
    expect(hostAnswer).toMatchObject({ status: 400, codes: ['event_unpublished'] });
  });

  it('refuses registering twice', async () => {
    const event = await createEvent(server.admin);
    const { pb, user } = await server.person('guest');
    await pb.collection('registrations').create({ event: event.id, user: user.id });
    const twice = await refusal(pb.collection('registrations').create({ event: event.id, user: user.id }));
    expect(twice).toMatchObject({ status: 400, codes: ['registration_exists'] });
  });
});

describe('passes and check-ins', () => {
  let holder: { pb: TypedPocketBase; user: { id: string } };
  let passId = '';
  let passCode = '';

  beforeAll(async () => {
    holder = await server.person('guest');
    const event = await createEvent(server.admin);
    const reg = await holder.pb.collection('registrations').create({ event: event.id, user: holder.user.id });
    const pass = await holder.pb.collection('passes').getFirstListItem(`registration = "${reg.id}"`);
    passId = pass.id;
    passCode = pass.code;
  });

  it('codes are CF1: + 26 base32 characters, distinct for every pass', async () => {
    const all = await server.admin.collection('passes').getFullList();
    expect(all.length).toBeGreaterThan(3);
    for (const pass of all) expect(pass.code).toMatch(/^CF1:[A-Z2-7]{26}$/);
    expect(new Set(all.map((p) => p.code)).size).toBe(all.length);
  });

  it("nobody reads another person's pass, by id or by code", async () => {
    const { pb } = await server.person('guest');
    const member = await server.person('member');
    for (const other of [pb, member.pb]) {
      expect((await refusal(other.collection('passes').getOne(passId))).status).toBe(404);
      expect(await other.collection('passes').getFullList({ filter: `code = "${passCode}"` })).toHaveLength(0);
    }
  });

  it('nobody mints a pass, not even a host', async () => {
    for (const role of ['guest', 'host'] as const) {
      const { pb, user } = await server.person(role);
      const minted = await refusal(
        pb.collection('passes').create({ holder: user.id, kind: 'member', code: 'CF1:AAAAAAAAAAAAAAAAAAAAAAAAAA' }),
      );
      expect(minted.status).toBe(403);
    }
    expect(await server.admin.collection('passes').getFullList({ filter: 'code = "CF1:AAAAAAAAAAAAAAAAAAAAAAAAAA"' })).toHaveLength(0);
  });

  it('check-ins cannot be created through the collection API, not even by a host', async () => {
    const { pb } = await server.person('host');
    const made = await refusal(
      pb.collection('checkins').create({
        pass: passId,
        holder: holder.user.id,
        direction: 'in',
        source: 'door',
        verdict: 'admitted',
        scanned_at: minutesFromNow(0),
      }),
    );
    expect(made.status).toBe(403);
    expect(await server.admin.collection('checkins').getFullList({ filter: `pass = "${passId}"` })).toHaveLength(0);
  });
});

let refused: ReturnType<TestServer['person']> | undefined;
/** One member for the attempts that are all refused (sign-ins are rate limited per address). */
const refusedMember = () => (refused ??= server.person('member'));
const newRoom = () =>
  server.admin
    .collection('spaces')
    .create({ name: `Rum ${Date.now()} ${Math.random()}`, kind: 'meeting_room', capacity: 6, bookable: true });

describe('bookings', () => {
  it('refuses an overlapping booking of one room with a clear message', async () => {
    const room = await newRoom();
    const { pb, user } = await server.person('member');
    await pb.collection('bookings').create({ space: room.id, user: user.id, starts: venueAt(1, '10:00'), ends: venueAt(1, '11:00') });
    const clash = await refusal(
      pb.collection('bookings').create({ space: room.id, user: user.id, starts: venueAt(1, '10:30'), ends: venueAt(1, '11:30') }),
    );
    expect(clash).toEqual({ status: 400, message: 'The room is already booked at that time.', codes: ['booking_overlap'] });
    await pb.collection('bookings').create({ space: room.id, user: user.id, starts: venueAt(1, '11:00'), ends: venueAt(1, '12:00') });
    const backwards = await refusal(
      pb.collection('bookings').create({ space: room.id, user: user.id, starts: venueAt(1, '15:00'), ends: venueAt(1, '14:00') }),
    );
    expect(backwards).toEqual({ status: 400, message: 'A booking must end after it starts.', codes: ['booking_span'] });
    const hall = await server.admin
      .collection('spaces')
      .create({ name: `Yta ${Date.now()}`, kind: 'event_area', capacity: 60, bookable: false });
    const unbookable = await refusal(
      pb.collection('bookings').create({ space: hall.id, user: user.id, starts: venueAt(1, '13:00'), ends: venueAt(1, '14:00') }),
    );
    expect(unbookable).toEqual({ status: 400, message: 'That space cannot be booked.', codes: ['booking_room'] });
    const past = await refusal(
      pb.collection('bookings').create({ space: room.id, user: user.id, starts: venueAt(-1, '10:00'), ends: venueAt(-1, '11:00') }),
    );
    expect(past).toEqual({ status: 400, message: 'That time has already passed.', codes: ['booking_past'] });
    // (a booking already under way may be made: src/lib/rooms/booking-rules.spec.ts, at a fixed clock)
  });

  it.each([
    ['ten years', '10:00', 10 * 365 * 24 * 60, 'booking_length', 'A booking lasts at least 30 minutes and at most 8 hours.'],
    ['a quarter of an hour', '10:00', 15, 'booking_length', 'A booking lasts at least 30 minutes and at most 8 hours.'],
    ['8 h 15 min', '08:00', 8 * 60 + 15, 'booking_length', 'A booking lasts at least 30 minutes and at most 8 hours.'],
    ['from 10:07', '10:07', 60, 'booking_step', 'A booking starts and ends on a quarter hour (:00, :15, :30, :45).'],
    ['to 10:52', '10:15', 37, 'booking_step', 'A booking starts and ends on a quarter hour (:00, :15, :30, :45).'],
    ['from 23:30 for 8 h', '23:30', 8 * 60, 'booking_hours', 'Rooms can be booked from 07:00 to 22:00 Swedish time, within one day.'],
    ['from 06:30', '06:30', 60, 'booking_hours', 'Rooms can be booked from 07:00 to 22:00 Swedish time, within one day.'],
    ['until 22:15', '21:15', 60, 'booking_hours', 'Rooms can be booked from 07:00 to 22:00 Swedish time, within one day.'],
  ])('refuses a member booking %s, with its own code', async (_, start, minutes, code, message) => {
    const { pb, user } = await refusedMember();
    const room = await newRoom();
    const starts = venueAt(2, start);
    const ends = toStored(fromStored(starts).getTime() + minutes * 60_000);
    expect(await refusal(pb.collection('bookings').create({ space: room.id, user: user.id, starts, ends }))).toEqual({
      status: 400,
      message,
      codes: [code],
    });
    expect(await server.admin.collection('bookings').getFullList({ filter: `space = "${room.id}"` })).toEqual([]);
  });

  it('refuses a booking with seconds in its times', async () => {
    const { pb, user } = await refusedMember();
    const room = await newRoom();
    const starts = venueAt(2, '10:00').replace(':00.000Z', ':30.000Z');
    expect(
      (await refusal(pb.collection('bookings').create({ space: room.id, user: user.id, starts, ends: venueAt(2, '11:00') }))).codes,
    ).toEqual(['booking_step']);
  });

  it('keeps to the edges: 30 min and 8 h, 07:00 and 22:00, 90 days ahead', async () => {
    await awayFromMidnight(); // "90 days from today" must be the same day for the test and the server
    const room = await newRoom();
    const { pb, user } = await server.person('member');
    const book = (days: number, from: string, to: string) =>
      pb.collection('bookings').create({ space: room.id, user: user.id, starts: venueAt(days, from), ends: venueAt(days, to) });
    await book(3, '07:00', '15:00');
    await book(3, '21:30', '22:00');
    await book(90, '10:00', '10:30');
    expect(await refusal(book(91, '10:00', '11:00'))).toMatchObject({ status: 400, codes: ['booking_ahead'] });
    expect(await refusal(book(200, '10:00', '11:00'))).toEqual({
      status: 400,
      message: 'Rooms can be booked at most 90 days ahead.',
      codes: ['booking_ahead'],
    });
  });

  it('checks an edit of the times like a new booking, but lets an old booking be corrected', async () => {
    const room = await newRoom();
    const { pb, user } = await server.person('member');
    const mine = await pb
      .collection('bookings')
      .create({ space: room.id, user: user.id, title: 'Kundmöte', starts: venueAt(4, '10:00'), ends: venueAt(4, '11:00') });
    const tenYears = new Date(Date.now() + 10 * 365 * 86_400_000).toISOString();
    expect(await refusal(pb.collection('bookings').update(mine.id, { ends: tenYears }))).toEqual({
      status: 400,
      message: 'A booking lasts at least 30 minutes and at most 8 hours.',
      codes: ['booking_length'],
    });
    expect((await refusal(pb.collection('bookings').update(mine.id, { starts: venueAt(4, '10:07') }))).codes).toEqual(['booking_step']);
    expect((await refusal(pb.collection('bookings').update(mine.id, { ends: venueAt(5, '09:00') }))).codes).toEqual(['booking_length']);
    expect(
      (await refusal(pb.collection('bookings').update(mine.id, { starts: venueAt(200, '10:00'), ends: venueAt(200, '11:00') }))).codes,
    ).toEqual(['booking_ahead']);
    expect(await server.admin.collection('bookings').getOne(mine.id)).toMatchObject({
      starts: venueAt(4, '10:00'),
      ends: venueAt(4, '11:00'),
    });
    // a title-only edit, and a move within the rules, are fine
    expect(await pb.collection('bookings').update(mine.id, { title: 'Styrelsemöte' })).toMatchObject({ title: 'Styrelsemöte' });
    expect(await pb.collection('bookings').update(mine.id, { starts: venueAt(4, '13:00'), ends: venueAt(4, '14:30') })).toMatchObject({
      starts: venueAt(4, '13:00'),
    });

    // bookings made before these rules (or by the operator) stay theirs to correct
    const old = await server.admin
      .collection('bookings')
      .create({ space: room.id, user: user.id, title: 'Heldag', starts: venueAt(6, '06:10'), ends: venueAt(6, '23:50') });
    expect(await pb.collection('bookings').update(old.id, { title: 'Heldag, flyttad' })).toMatchObject({ title: 'Heldag, flyttad' });
    const over = await server.admin
      .collection('bookings')
      .create({ space: room.id, user: user.id, title: 'Förra veckan', starts: venueAt(-7, '10:00'), ends: venueAt(-7, '11:00') });
    expect(await pb.collection('bookings').update(over.id, { title: 'Förra veckans möte' })).toMatchObject({ title: 'Förra veckans möte' });
  });

  it("a member cannot move a booking to someone else's name", async () => {
    const room = await newRoom();
    const { pb, user } = await server.person('member');
    const other = await server.person('member');
    const mine = await pb
      .collection('bookings')
      .create({ space: room.id, user: user.id, starts: venueAt(4, '10:00'), ends: venueAt(4, '11:00') });
    expect((await refusal(pb.collection('bookings').update(mine.id, { user: other.user.id }))).status).toBe(404);
    expect(
      (
        await refusal(
          pb.collection('bookings').create({ space: room.id, user: other.user.id, starts: venueAt(4, '12:00'), ends: venueAt(4, '13:00') }),
        )
      ).status,
    ).toBe(400);
    expect((await server.admin.collection('bookings').getOne(mine.id)).user).toBe(user.id);
    expect(await server.admin.collection('bookings').getFullList({ filter: `user = "${other.user.id}"` })).toEqual([]);
  });

  // (most bookings are arranged by the operator, who is not rate limited: all of the file's
  // creates come from one address, at most 60 in 5 s; the operator's count like the member's own)
  const bookFor = (client: TypedPocketBase, room: string, userId: string, days: number) =>
    client.collection('bookings').create({ space: room, user: userId, starts: venueAt(days, '10:00'), ends: venueAt(days, '10:30') });

  it('a member holds at most 10 open bookings; past ones do not count, hosts are not limited', async () => {
    const room = (await newRoom()).id;
    const { pb, user } = await server.person('member');
    for (let days = 7; days < 16; days++) await bookFor(server.admin, room, user.id, days);
    const tenth = await bookFor(pb, room, user.id, 16);
    expect(await refusal(bookFor(pb, room, user.id, 17))).toEqual({
      status: 400,
      message: 'You already have 10 upcoming bookings; cancel one to book another.',
      codes: ['booking_limit'],
    });
    await pb.collection('bookings').delete(tenth.id);
    await server.admin
      .collection('bookings')
      .create({ space: room, user: user.id, starts: venueAt(-2, '10:00'), ends: venueAt(-2, '11:00') });
    await bookFor(pb, room, user.id, 17); // the one that is over does not count
    expect(await refusal(bookFor(pb, room, user.id, 18))).toMatchObject({ codes: ['booking_limit'] });

    const hostsRoom = (await newRoom()).id;
    const host = await server.person('host');
    for (let days = 7; days < 17; days++) await bookFor(server.admin, hostsRoom, host.user.id, days);
    await bookFor(host.pb, hostsRoom, host.user.id, 17);
    expect(await server.admin.collection('bookings').getFullList({ filter: `user = "${host.user.id}"` })).toHaveLength(11);
  });

  it('holds the limit when many bookings arrive at once', async () => {
    const room = (await newRoom()).id;
    const { pb, user } = await server.person('member');
    for (let days = 30; days < 38; days++) await bookFor(server.admin, room, user.id, days);
    const answers = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => bookFor(pb, room, user.id, 40 + i)));
    expect(answers.filter((a) => a.status === 'fulfilled')).toHaveLength(2);
    for (const answer of answers.filter((a) => a.status === 'rejected')) {
      expect(await refusal(Promise.reject(answer.reason))).toMatchObject({ status: 400, codes: ['booking_limit'] });
    }
    expect(await server.admin.collection('bookings').getFullList({ filter: `user = "${user.id}"` })).toHaveLength(10);
  });

  it('holds a host to the same times for their own bookings, and lets the operator arrange anything', async () => {
    const room = await newRoom();
    const host = await server.person('host');
    const refused = await refusal(
      host.pb.collection('bookings').create({ space: room.id, user: host.user.id, starts: venueAt(3, '10:07'), ends: venueAt(3, '11:07') }),
    );
    expect(refused).toMatchObject({ status: 400, codes: ['booking_step'] });
    await server.admin
      .collection('bookings')
      .create({ space: room.id, user: host.user.id, starts: venueAt(3, '05:07'), ends: venueAt(3, '23:07') });
  });
});

describe('registering again after cancelling', () => {
  it('revives the same registration at the back of the queue, with a fresh pass', async () => {
    const event = await createEvent(server.admin, { capacity: 1 });
    const first = await server.person('guest');
    const second = await server.person('guest');
    const mine = await first.pb.collection('registrations').create({ event: event.id, user: first.user.id });
    const [oldPass] = await passesOf(first.user.id);
    await first.pb.collection('registrations').update(mine.id, { status: 'cancelled' });
    await second.pb.collection('registrations').create({ event: event.id, user: second.user.id });

    const again = await first.pb.collection('registrations').create({ id: 'againagainagain', event: event.id, user: first.user.id });
    expect(again).toMatchObject({ id: mine.id, status: 'waitlisted', position: 3 });
    expect(await server.admin.collection('registrations').getFullList({ filter: `event = "${event.id}"` })).toHaveLength(2);

    const secondReg = await second.pb.collection('registrations').getFirstListItem(`event = "${event.id}"`);
    await second.pb.collection('registrations').update(secondReg.id, { status: 'cancelled' });
    expect((await server.admin.collection('registrations').getOne(mine.id)).status).toBe('confirmed');
    const passes = await passesOf(first.user.id);
    expect(passes).toHaveLength(1);
    expect(passes[0]).toMatchObject({ id: oldPass.id, revoked: false });
    expect(passes[0].code).not.toBe(oldPass.code); // an old screenshot stays dead
  });
});
