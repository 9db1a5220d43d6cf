// A person's data rights: the export holds their registrations, passes and check-ins and
// nothing of anyone else's; deleting the account cancels what is still to come, revokes
// every pass, signs every device out, and leaves the venue's event and attendance counts
// exactly as they were.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientResponseError } from 'pocketbase';
import { createEvent, minutesFromNow, PASSWORD, startTestServer, type TestServer } from '../helpers/server';
import type { TypedPocketBase, UserRecord } from '../../src/lib/pocketbase/types';
import { NOT_DELETED } from '../../src/lib/services/people.service';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

interface MyData {
  profile: { id: string; email: string; name: string; role: string; listed?: boolean; headline?: string };
  registrations: { id: string; event: string; status: string }[];
  passes: { id: string; code: string; revoked: boolean }[];
  checkins: { id: string; event: string }[];
  bookings: unknown[];
}

const exportOf = (pb: TypedPocketBase) => pb.send<MyData>('/api/coffice/me/export', { method: 'GET' });

async function status(request: Promise<unknown>): Promise<number> {
  try {
    await request;
    return 200;
  } catch (error) {
    if (error instanceof ClientResponseError) return error.status;
    throw error;
  }
}

/** A person with a past event attended (registration, pass, check-ins) and a future one. */
async function personWithHistory(role: 'guest' | 'member', name: string, past: string, future: string) {
  const { pb, user } = await server.person(role, name);
  const { admin } = server;
  await admin.collection('registrations').create({ event: past, user: user.id });
  await admin.collection('registrations').create({ event: future, user: user.id });
  const pass = await admin.collection('passes').getFirstListItem(`holder = "${user.id}" && registration.event = "${past}"`);
  for (const [event, direction] of [
    [past, 'in'],
    [past, 'out'],
    ['', 'in'],
  ]) {
    await admin.collection('checkins').create({
      pass: pass.id,
      holder: user.id,
      event,
      direction,
      source: 'door',
      verdict: 'admitted',
      scanned_at: minutesFromNow(-90),
      device: 'door-1',
    });
  }
  return { pb, user };
}

/** What the venue counts: events, registrations by status per event, admitted check-ins per event. */
async function venueCounts(eventIds: string[]) {
  const { admin } = server;
  const counts: Record<string, unknown> = { events: (await admin.collection('events').getList(1, 1)).totalItems };
  for (const id of eventIds) {
    const registrations = await admin.collection('registrations').getFullList({ filter: `event = "${id}"` });
    const checkins = await admin.collection('checkins').getFullList({ filter: `event = "${id}" && verdict = "admitted"` });
    counts[id] = {
      registrations: registrations.length,
      confirmed: registrations.filter((r) => r.status === 'confirmed').length,
      attendance: checkins.filter((c) => c.direction === 'in').length,
      checkins: checkins.length,
    };
  }
  counts.frontDoor = (await admin.collection('checkins').getFullList({ filter: 'event = ""' })).length;
  return counts;
}

describe('download my data', () => {
  it('holds my registrations, passes and check-ins, and nothing of anyone else', async () => {
    const past = await createEvent(server.admin, { starts: minutesFromNow(-180), ends: minutesFromNow(-60) });
    const future = await createEvent(server.admin, { capacity: 10 });
    const a = await personWithHistory('member', 'Anna Export', past.id, future.id);
    const b = await personWithHistory('member', 'Bertil Annan', past.id, future.id);

    const mine = await exportOf(a.pb);
    const { admin } = server;
    const ids = async (collection: string, field: string, user: UserRecord) =>
      (await admin.collection(collection).getFullList({ filter: `${field} = "${user.id}"` })).map((r) => r.id).sort();

    expect(mine.profile).toMatchObject({
      id: a.user.id,
      email: a.user.email,
      name: 'Anna Export',
      role: 'member',
      listed: false,
      headline: '',
    });
    expect(mine.registrations.map((r) => r.id).sort()).toEqual(await ids('registrations', 'user', a.user));
    expect(mine.passes.map((p) => p.id).sort()).toEqual(await ids('passes', 'holder', a.user));
    expect(mine.checkins.map((c) => c.id).sort()).toEqual(await ids('checkins', 'holder', a.user));
    expect(mine.registrations).toHaveLength(2);
    expect(mine.passes).toHaveLength(3); // member pass and two event passes
    expect(mine.checkins).toHaveLength(3);

    const text = JSON.stringify(mine);
    const theirs = [
      b.user.id,
      b.user.email,
      'Bertil Annan',
      ...(await ids('registrations', 'user', b.user)),
      ...(await ids('passes', 'holder', b.user)),
      ...(await ids('checkins', 'holder', b.user)),
      ...(await admin.collection('passes').getFullList({ filter: `holder = "${b.user.id}"` })).map((p) => p.code),
    ];
    for (const value of theirs) expect(text).not.toContain(value);
  });

  it('needs a signed-in person', async () => {
    expect(await status(exportOf(server.client()))).toBe(401);
    expect(await status(exportOf(server.admin))).toBe(403); // operators have no data of their own here
  });
});

describe('delete my account', () => {
  it("refuses without the account's email as confirmation, and changes nothing", async () => {
    const { pb, user } = await server.person('member');
    const del = (body: unknown) => pb.send('/api/coffice/me/delete', { method: 'POST', body });
    expect(await status(del({}))).toBe(400);
    expect(await status(del({ confirm: 'someone-else@coffice.test' }))).toBe(400);
    expect(await status(del({ confirm: 42 }))).toBe(400);
    const broken = await fetch(`${server.url}/api/coffice/me/delete`, {
      method: 'POST',
      headers: { Authorization: pb.authStore.token, 'Content-Type': 'application/json' },
      body: '{"confirm": ',
    });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { message: string }).message).toMatch(/JSON/);
    expect(await status(server.client().send('/api/coffice/me/delete', { method: 'POST', body: { confirm: user.email } }))).toBe(401);
    expect(await server.admin.collection('users').getOne(user.id)).toMatchObject({ email: user.email, role: 'member' });
  });

  it('cancels what is to come, revokes passes, signs out, and leaves the counts unchanged', async () => {
    const { admin } = server;
    const past = await createEvent(admin, { starts: minutesFromNow(-180), ends: minutesFromNow(-60) });
    const future = await createEvent(admin, { capacity: 1 });
    const leaving = await personWithHistory('member', 'Lena Lämnar', past.id, future.id);
    const staying = await personWithHistory('guest', 'Stig Stannar', past.id, future.id);
    const stayingOnWaitlist = await admin
      .collection('registrations')
      .getFirstListItem(`user = "${staying.user.id}" && event = "${future.id}"`);
    expect(stayingOnWaitlist.status).toBe('waitlisted');
    const before = await venueCounts([past.id]);

    await leaving.pb.collection('users').update(leaving.user.id, { show_presence: true, listed: true, headline: 'Syns i katalogen' });
    await leaving.pb.send('/api/coffice/me/delete', { method: 'POST', body: { confirm: leaving.user.email.toUpperCase() } });

    expect(await venueCounts([past.id])).toEqual(before);
    const gone = await admin.collection('users').getOne(leaving.user.id);
    expect(gone).toMatchObject({ name: '', role: 'guest', company: '', show_presence: false, listed: false, headline: '' });
    expect(gone.email).not.toContain(leaving.user.email.split('@')[0]);
    expect(JSON.stringify(await admin.collection('users').getFullList())).not.toContain(leaving.user.email);

    const registrations = await admin.collection('registrations').getFullList({ filter: `user = "${leaving.user.id}"` });
    expect(registrations.find((r) => r.event === future.id)?.status).toBe('cancelled');
    expect(registrations.find((r) => r.event === past.id)?.status).toBe('confirmed');
    const passes = await admin.collection('passes').getFullList({ filter: `holder = "${leaving.user.id}"` });
    expect(passes.length).toBeGreaterThan(0);
    expect(passes.every((p) => p.revoked)).toBe(true);
    // the freed place goes to the waitlist
    expect((await admin.collection('registrations').getOne(stayingOnWaitlist.id)).status).toBe('confirmed');

    expect(await status(leaving.pb.collection('users').authRefresh())).toBe(401);
    expect(await status(server.client().collection('users').authWithPassword(leaving.user.email, PASSWORD))).toBe(400);
    // hosts no longer find the person, by any search
    const { pb: host } = await server.person('host');
    const listed = await host.collection('users').getFullList({ filter: NOT_DELETED });
    expect(listed.map((u) => u.id)).toContain(staying.user.id);
    expect(listed.map((u) => u.id)).not.toContain(leaving.user.id);
    // the other person's data is untouched
    expect((await exportOf(staying.pb)).profile).toMatchObject({ name: 'Stig Stannar', email: staying.user.email });
  });

  it('ends the calendar feed: its link answers 404 once the account is deleted', async () => {
    const past = await createEvent(server.admin, { title: 'Förra frukosten', starts: minutesFromNow(-180), ends: minutesFromNow(-60) });
    const { pb, user } = await server.person('guest', 'Kalle Kalender');
    await server.admin.collection('registrations').create({ event: past.id, user: user.id });
    const { path } = await pb.send<{ path: string }>('/api/coffice/calendar-feed', { method: 'GET' });
    const before = await fetch(server.url + path);
    expect(before.status).toBe(200);
    expect(await before.text()).toContain('Förra frukosten');

    await pb.send('/api/coffice/me/delete', { method: 'POST', body: { confirm: user.email } });

    const after = await fetch(server.url + path);
    expect(after.status).toBe(404);
    expect(await after.text()).not.toContain('Förra frukosten');
  });
});
