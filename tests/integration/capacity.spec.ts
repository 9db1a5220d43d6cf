// Capacity holds under a rush: many people registering at the same moment never exceed
// it, the waitlist keeps the order the server accepted them in, and a freed place goes
// to the first in line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent, crowd, startTestServer, type TestServer } from '../helpers/server';
import type { RegistrationRecord } from '../../src/lib/pocketbase/types';
import { listen } from '../helpers/listen';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

describe('a capacity-10 event and 50 people at once', () => {
  it('confirms exactly 10, waitlists 40 in order, and moves the first up when one cancels', async () => {
    const event = await createEvent(server.admin, { capacity: 10 });
    const people = await crowd(server, 50);

    const answers = await Promise.all(
      people.map(({ pb, user }) => pb.collection('registrations').create<RegistrationRecord>({ event: event.id, user: user.id })),
    );
    expect(answers.filter((r) => r.status === 'confirmed')).toHaveLength(10);
    expect(answers.filter((r) => r.status === 'waitlisted')).toHaveLength(40);

    const stored = await server.admin
      .collection('registrations')
      .getFullList<RegistrationRecord>({ filter: `event = "${event.id}"`, sort: 'position' });
    // one place each, 1…50, in the order the server accepted them: the first ten got in
    expect(stored.map((r) => r.position)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(stored.map((r) => r.status)).toEqual([...Array(10).fill('confirmed'), ...Array(40).fill('waitlisted')]);
    const passes = await server.admin.collection('passes').getFullList({ filter: `registration.event = "${event.id}"` });
    expect(passes).toHaveLength(10);
    // places taken, as anyone reading the programme sees it
    expect((await server.client().collection('events').getOne(event.id)).taken).toBe(10);

    const leaving = stored[3];
    const owner = people.find((p) => p.user.id === leaving.user)!;
    await owner.pb.collection('registrations').update(leaving.id, { status: 'cancelled' });

    const after = await server.admin
      .collection('registrations')
      .getFullList<RegistrationRecord>({ filter: `event = "${event.id}"`, sort: 'position' });
    expect(after.filter((r) => r.status === 'confirmed')).toHaveLength(10);
    expect(after[10].status).toBe('confirmed'); // the first waitlisted
    expect(after.slice(11).every((r) => r.status === 'waitlisted')).toBe(true);
    expect(after[3].status).toBe('cancelled');
  });

  it('nobody but the venue sets a place in the queue', async () => {
    const event = await createEvent(server.admin, { capacity: 1 });
    const [first, second] = await crowd(server, 2);
    await first.pb.collection('registrations').create({ event: event.id, user: first.user.id });
    const mine = await second.pb
      .collection('registrations')
      .create<RegistrationRecord>({ event: event.id, user: second.user.id, position: 0 } as never);
    expect(mine.position).toBe(2);
    await expect(second.pb.collection('registrations').update(mine.id, { status: 'cancelled', position: 1 })).rejects.toMatchObject({
      status: 400,
      response: { data: { position: { code: 'registration_position' } } },
    });
  });
});

describe("the person's own open app", () => {
  it('hears their registration made and cancelled, live (the write begins its transaction at the request)', async () => {
    const event = await createEvent(server.admin, { capacity: 5 });
    const [{ pb, user }] = await crowd(server, 1);
    const phone = await listen<{ action: string; record: { id: string; status: string } }>(server.url, {
      token: pb.authStore.token,
      topics: ['registrations'],
    });
    const { seen, until } = phone;
    try {
      const mine = await pb.collection('registrations').create<RegistrationRecord>({ event: event.id, user: user.id });
      await until((seen) => seen.some((m) => m.action === 'create' && m.record.id === mine.id));
      await pb.collection('registrations').update(mine.id, { status: 'cancelled' });
      await until((seen) => seen.some((m) => m.action === 'update' && m.record.status === 'cancelled'));
      expect(seen.map((m) => [m.action, m.record.status])).toEqual([
        ['create', 'confirmed'],
        ['update', 'cancelled'],
      ]);
    } finally {
      phone.close();
    }
  });
});
