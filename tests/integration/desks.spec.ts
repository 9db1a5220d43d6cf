// Desks by the day against a real PocketBase: a desk day is a booking of the open area for one
// whole venue day (src/lib/desks/desk-rules.ts, run by pb_hooks/lib/bookings.js), at most
// `capacity` a day even when many book the last desks at once, one a person a day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookingRecord, SpaceRecord, TypedPocketBase } from '../../src/lib/pocketbase/types';
import { dayOf, dayStart, dayEnd, shiftDay, toStored } from '../../src/lib/time/venue-clock';
import { crowd, startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
let openArea: SpaceRecord;
let room: SpaceRecord;
beforeAll(async () => {
  server = await startTestServer();
  openArea = await server.admin
    .collection('spaces')
    .create<SpaceRecord>({ name: 'Öppna ytan', kind: 'open_area', capacity: 5, bookable: true });
  room = await server.admin
    .collection('spaces')
    .create<SpaceRecord>({ name: 'Styrelserummet', kind: 'meeting_room', capacity: 8, bookable: true });
});
afterAll(() => server?.stop());

const today = () => dayOf(Date.now());
/** A desk day's fields: the day's midnight to the next, on the venue's clock. */
const deskDay = (day: string, user: string, space = openArea.id) => ({
  space,
  user,
  starts: toStored(dayStart(day)),
  ends: toStored(dayEnd(day)),
});

async function refusal(request: Promise<unknown>): Promise<{ status: number; code: string | undefined }> {
  try {
    await request;
  } catch (error) {
    const e = error as { status: number; response?: { data?: Record<string, { code?: string }> } };
    return { status: e.status, code: Object.values(e.response?.data ?? {})[0]?.code };
  }
  throw new Error('the server took it');
}

const stored = (filter: string) => server.admin.collection('bookings').getFullList<BookingRecord>({ filter });

/** The last Sunday of a month (3 = March, 10 = October) in the first year it is still ahead. */
function nextChange(month: 3 | 10): string {
  for (let year = new Date().getUTCFullYear(); ; year++) {
    const last = new Date(Date.UTC(year, month, 0));
    const sunday = shiftDay(last.toISOString().slice(0, 10), -last.getUTCDay());
    if (sunday > today()) return sunday;
  }
}

describe('desk days', () => {
  it('12 members booking the last 3 desks of a day at once: exactly 3 stored, 9 refused as full', async () => {
    const day = shiftDay(today(), 3);
    const early = await crowd(server, 2, 'member');
    for (const { user } of early) await server.admin.collection('bookings').create(deskDay(day, user.id));
    const members = await crowd(server, 12, 'member');

    const answers = await Promise.allSettled(members.map(({ pb, user }) => pb.collection('bookings').create(deskDay(day, user.id))));
    expect(answers.filter((a) => a.status === 'fulfilled')).toHaveLength(3);
    const codes = await Promise.all(answers.filter((a) => a.status === 'rejected').map((a) => refusal(Promise.reject(a.reason))));
    expect(codes).toEqual(Array(9).fill({ status: 400, code: 'booking_full' }));
    expect(await stored(`space = "${openArea.id}" && starts = "${toStored(dayStart(day))}"`)).toHaveLength(5);
  });

  it('a desk day is a whole venue day across summer time: 23 and 25 hours taken, 24 refused', async () => {
    const { user } = await server.person('member');
    for (const sunday of [nextChange(3), nextChange(10)]) {
      const hours = (dayEnd(sunday) - dayStart(sunday)) / 3_600_000;
      expect(hours).toBe(sunday.slice(5, 7) === '03' ? 23 : 25);
      // 24 hours from midnight is not that day: refused for everyone, the operator too
      const flat = { ...deskDay(sunday, user.id), ends: toStored(dayStart(sunday) + 24 * 3_600_000) };
      expect(await refusal(server.admin.collection('bookings').create(flat))).toEqual({ status: 400, code: 'booking_desk_day' });
      const taken = await server.admin.collection('bookings').create<BookingRecord>(deskDay(sunday, user.id));
      expect(new Date(taken.ends).getTime() - new Date(taken.starts).getTime()).toBe(hours * 3_600_000);
    }
    // a person books today up to two weeks ahead only
    const { pb } = await server.person('member');
    const far = nextChange(3);
    expect(await refusal(pb.collection('bookings').create(deskDay(far, pb.authStore.record!.id)))).toEqual({
      status: 400,
      code: 'booking_desk_ahead',
    });
  });

  it('refuses bad desk days clearly and stores nothing twice', async () => {
    const { pb, user } = await server.person('member');
    const mine = () => stored(`user = "${user.id}"`);
    const day = shiftDay(today(), 1);

    const cases: [string, Record<string, unknown>, string][] = [
      ['yesterday', deskDay(shiftDay(today(), -1), user.id), 'booking_past'],
      ['a meeting room for a day', deskDay(day, user.id, room.id), 'booking_no_desks'],
      ['a space that does not exist', deskDay(day, user.id, 'nosuchspace0000'), 'booking_room'],
      ['half a day', { ...deskDay(day, user.id), ends: toStored(dayStart(day) + 12 * 3_600_000) }, 'booking_desk_day'],
      [
        'noon to noon',
        { ...deskDay(day, user.id), starts: toStored(dayStart(day) + 12 * 3_600_000), ends: toStored(dayEnd(day) + 12 * 3_600_000) },
        'booking_desk_day',
      ],
      ['the fifteenth day', deskDay(shiftDay(today(), 14), user.id), 'booking_desk_ahead'],
    ];
    for (const [what, body, code] of cases) {
      expect(await refusal(pb.collection('bookings').create(body)), what).toEqual({ status: 400, code });
    }
    expect(await mine()).toHaveLength(0);

    // today may be booked all day; the last of the two weeks too
    const first = await pb.collection('bookings').create<BookingRecord>({ id: 'deskdaytoday001', ...deskDay(today(), user.id) });
    await pb.collection('bookings').create(deskDay(shiftDay(today(), 13), user.id));
    // the same day again, or the same write replayed (the outbox sends its own id again)
    expect(await refusal(pb.collection('bookings').create(deskDay(today(), user.id)))).toEqual({ status: 400, code: 'booking_desk_taken' });
    expect((await refusal(pb.collection('bookings').create({ id: first.id, ...deskDay(today(), user.id) }))).status).toBe(400);
    // moving another desk day onto a day already held
    const other = await pb.collection('bookings').create<BookingRecord>(deskDay(day, user.id));
    expect(await refusal(pb.collection('bookings').update(other.id, { starts: first.starts, ends: first.ends }))).toEqual({
      status: 400,
      code: 'booking_desk_taken',
    });
    expect((await mine()).map((b) => dayOf(new Date(b.starts))).sort()).toEqual([today(), day, shiftDay(today(), 13)].sort());

    // cancel own; nobody else's
    const { pb: stranger } = await server.person('member');
    expect((await refusal(stranger.collection('bookings').delete(other.id))).status).toBe(404);
    await pb.collection('bookings').delete(other.id);
    expect(await mine()).toHaveLength(2);
  });

  it('guests and visitors book no desks; members read how many are taken', async () => {
    const [guest] = await crowd(server, 1, 'guest');
    const day = shiftDay(today(), 2);
    expect((await refusal(guest.pb.collection('bookings').create(deskDay(day, guest.user.id)))).status).toBe(400);
    expect((await refusal(server.client().collection('bookings').create(deskDay(day, guest.user.id)))).status).toBe(400);
    expect(await stored(`user = "${guest.user.id}"`)).toHaveLength(0);
    expect(await guest.pb.collection('bookings').getFullList()).toHaveLength(0);
  });

  it('room bookings keep the room rules; desk days do not count toward the open bookings limit', async () => {
    const { pb, user } = await server.person('member');
    const day = shiftDay(today(), 4);
    await pb.collection('bookings').create(deskDay(day, user.id));
    const tenAm = dayStart(day) + 10 * 3_600_000;
    const meeting = { space: room.id, user: user.id, starts: toStored(tenAm), ends: toStored(tenAm + 3_600_000) };
    await pb.collection('bookings').create(meeting);
    expect(await refusal(pb.collection('bookings').create(meeting))).toEqual({ status: 400, code: 'booking_overlap' });
  });

  it('a desk day reaches other devices live (realtime), the operator’s too', async () => {
    const watcher = await server.person('member');
    const stream = await fetch(`${server.url}/api/realtime`);
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let seen = '';
    const readUntil = async (text: string) => {
      while (!seen.includes(text)) seen += decoder.decode((await reader.read()).value);
    };
    await readUntil('"clientId"');
    const clientId = /"clientId":"(\w+)"/.exec(seen)![1];
    const subscribed = await fetch(`${server.url}/api/realtime`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', Authorization: watcher.pb.authStore.token },
      body: JSON.stringify({ clientId, subscriptions: ['bookings'] }),
    });
    expect(subscribed.status).toBe(204);
    const { pb, user } = await server.person('member');
    const day = shiftDay(today(), 6);
    const mine = await pb.collection('bookings').create<BookingRecord>(deskDay(day, user.id));
    await readUntil(mine.id);
    const other = await server.person('member');
    const arranged = await server.admin.collection('bookings').create<BookingRecord>(deskDay(day, other.user.id));
    await readUntil(arranged.id);
    await reader.cancel();
  });

  it('the personal calendar feed lists a desk day as an all-day event', async () => {
    const { pb, user } = await server.person('member');
    const day = shiftDay(today(), 5);
    await pb.collection('bookings').create(deskDay(day, user.id));
    const { path } = await (pb as TypedPocketBase).send<{ path: string }>('/api/coffice/calendar-feed', { method: 'GET' });
    const text = await (await fetch(server.url + path)).text();
    expect(text).toContain(`DTSTART;VALUE=DATE:${day.replaceAll('-', '')}\r\n`);
    expect(text).toContain(`DTEND;VALUE=DATE:${shiftDay(day, 1).replaceAll('-', '')}\r\n`);
    expect(text).toContain('SUMMARY:Skrivbord: Öppna ytan\r\n');
  });
});
