// Every collection × role × action, asserted against the rules in DESIGN.md, on a real
// PocketBase. A refused write must also leave the record as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectionName, TypedPocketBase, UserRecord } from '../../src/lib/pocketbase/types';
import { createEvent, minutesFromNow, PASSWORD, startTestServer, type TestServer } from '../helpers/server';
import { venueAt } from '../helpers/venue-at';

type Actor = 'anonymous' | 'guest' | 'otherGuest' | 'member' | 'host';
type Person = Exclude<Actor, 'anonymous'>;
type Action = 'list' | 'view' | 'create' | 'update' | 'delete';

const ACTORS: Actor[] = ['anonymous', 'guest', 'otherGuest', 'member', 'host'];
const ACTIONS: Action[] = ['list', 'view', 'create', 'update', 'delete'];
const EVERYONE: Actor[] = ACTORS;
const PEOPLE: Actor[] = ['guest', 'otherGuest', 'member', 'host'];

let server: TestServer;
const pbOf = {} as Record<Actor, TypedPocketBase>;
const userOf = {} as Record<Person, UserRecord>;
let bookableRoom = '';
let slot = 0;

interface CollectionCase {
  name: CollectionName;
  /** who DESIGN.md lets do what; everyone else is refused */
  allowed: Record<Action, Actor[]>;
  /** a fresh record (made by the operator) for list/view/update/delete; "guest" owns it where ownership applies */
  target(): Promise<{ id: string }>;
  /** what a person in that role would send to create one */
  createBody(actor: Actor): Promise<Record<string, unknown>>;
  updateBody: Record<string, unknown>;
}

const ownId = (actor: Actor) => (actor === 'anonymous' ? '' : userOf[actor].id);
const code = () => `CF1:${'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.slice(0, 26)}`;
/** A free hour in the bookable room: bookings keep to whole hours within opening hours, so
 * seven a day, 08:00–21:00, from tomorrow on (`past`: from yesterday back). */
const nextSlot = (past = false) => {
  slot += 1;
  const [days, hour] = [(1 + Math.floor(slot / 7)) * (past ? -1 : 1), 8 + 2 * (slot % 7)];
  const at = (h: number) => venueAt(days, `${String(h).padStart(2, '0')}:00`);
  return { starts: at(hour), ends: at(hour + 1) };
};

const cases: CollectionCase[] = [
  {
    name: 'users',
    allowed: { list: ['guest', 'host'], view: ['guest', 'host'], create: EVERYONE, update: ['guest', 'host'], delete: [] },
    target: async () => userOf.guest,
    createBody: async (actor) => ({
      email: `signup-${actor}-${Date.now()}@coffice.test`,
      password: PASSWORD,
      passwordConfirm: PASSWORD,
      name: 'Ny Person',
    }),
    updateBody: { name: 'Changed Name' },
  },
  ...(['companies', 'spaces'] as const).map((name): CollectionCase => ({
    name,
    // an unlisted company is the community's: members and hosts read it (listed ones and a
    // person's own company are read by anyone: companies.spec.ts)
    allowed: {
      list: name === 'companies' ? ['member', 'host'] : EVERYONE,
      view: name === 'companies' ? ['member', 'host'] : EVERYONE,
      create: ['host'],
      update: ['host'],
      delete: ['host'],
    },
    target: () =>
      name === 'companies'
        ? server.admin.collection('companies').create({ name: `Firma ${++slot}`, seat: 'flex' })
        : server.admin.collection('spaces').create({ name: `Rum ${++slot}`, kind: 'meeting_room', capacity: 4 }),
    createBody: async (actor) =>
      name === 'companies'
        ? { name: `Ny firma ${actor} ${++slot}`, seat: 'flex' }
        : { name: `Nytt rum ${actor} ${++slot}`, kind: 'meeting_room', capacity: 4 },
    updateBody: { name: `Nytt namn ${Date.now()}` },
  })),
  {
    name: 'events',
    allowed: { list: EVERYONE, view: EVERYONE, create: ['host'], update: ['host'], delete: ['host'] },
    target: () => createEvent(server.admin),
    createBody: async () => ({
      title: 'Nytt evenemang',
      kind: 'talk',
      starts: minutesFromNow(600),
      ends: minutesFromNow(660),
      status: 'published',
      capacity: 10,
    }),
    updateBody: { title: 'Ändrad titel' },
  },
  {
    name: 'registrations',
    allowed: { list: ['guest', 'host'], view: ['guest', 'host'], create: PEOPLE, update: ['guest', 'host'], delete: [] },
    target: async () => {
      const event = await createEvent(server.admin);
      return server.admin.collection('registrations').create({ event: event.id, user: userOf.guest.id });
    },
    createBody: async (actor) => ({ event: (await createEvent(server.admin)).id, user: ownId(actor) }),
    updateBody: { status: 'cancelled' },
  },
  {
    name: 'passes',
    allowed: { list: ['guest', 'host'], view: ['guest', 'host'], create: [], update: [], delete: [] },
    target: async () => {
      const event = await createEvent(server.admin);
      const reg = await server.admin.collection('registrations').create({ event: event.id, user: userOf.guest.id });
      return server.admin.collection('passes').getFirstListItem(`registration = "${reg.id}"`);
    },
    createBody: async (actor) => ({ holder: ownId(actor), kind: 'member', code: code() }),
    updateBody: { revoked: true },
  },
  {
    name: 'checkins',
    allowed: { list: ['guest', 'host'], view: ['guest', 'host'], create: [], update: [], delete: [] },
    target: () =>
      server.admin.collection('checkins').create({
        holder: userOf.guest.id,
        direction: 'in',
        source: 'door',
        verdict: 'admitted',
        scanned_at: minutesFromNow(0),
        device: 'test',
      }),
    createBody: async (actor) => ({
      holder: ownId(actor),
      direction: 'in',
      source: 'self',
      verdict: 'admitted',
      scanned_at: minutesFromNow(0),
    }),
    updateBody: { verdict: 'revoked' },
  },
  {
    name: 'bookings',
    allowed: {
      list: ['member', 'host'],
      view: ['member', 'host'],
      create: ['member', 'host'],
      update: ['member', 'host'],
      delete: ['member', 'host'],
    },
    // in the past, so the member's targets do not fill their open bookings (at most 10)
    target: () =>
      server.admin.collection('bookings').create({ space: bookableRoom, user: userOf.member.id, title: 'Möte', ...nextSlot(true) }),
    createBody: async (actor) => ({ space: bookableRoom, user: ownId(actor), title: 'Kundmöte', ...nextSlot() }),
    updateBody: { title: 'Flyttat möte' },
  },
  {
    name: 'notices',
    // only the server writes notices; a person reads their own, hosts all
    allowed: { list: ['guest', 'host'], view: ['guest', 'host'], create: [], update: [], delete: [] },
    target: () =>
      server.admin
        .collection('notices')
        .create({ user: userOf.guest.id, kind: 'welcome', channel: 'mail', status: 'skipped', key: `test:${++slot}:${Date.now()}` }),
    createBody: async (actor) => ({ user: ownId(actor), kind: 'welcome', channel: 'mail', status: 'pending', key: `forged:${++slot}` }),
    updateBody: { status: 'sent' },
  },
  {
    name: 'applications',
    // anyone applies without an account (all from one test address: five tries, one each);
    // hosts read and delete; nobody updates (hosts decide through their route: applications.spec.ts)
    allowed: { list: ['host'], view: ['host'], create: EVERYONE, update: [], delete: ['host'] },
    target: () =>
      server.admin.collection('applications').create({
        company: `Sökande ${++slot} AB`,
        contact_name: 'Sara Sökande',
        email: `sokande-${slot}-${Date.now()}@example.com`,
        seat: 'flex',
      }),
    createBody: async (actor) => ({
      company: `Ansökan ${actor} ${++slot} AB`,
      contact_name: 'Sara Sökande',
      email: `ansokan-${actor}-${slot}-${Date.now()}@example.com`,
      seat: 'flex',
    }),
    updateBody: { company: 'Ändrat AB' },
  },
  {
    name: 'here_signals',
    // "here today" changed (DECISIONS "Live here today"): members and hosts read it, and so hear
    // its realtime updates; only the server writes
    allowed: { list: ['member', 'host'], view: ['member', 'host'], create: [], update: [], delete: [] },
    target: () => server.admin.collection('here_signals').create({}),
    createBody: async () => ({}),
    updateBody: {},
  },
  {
    name: 'push_subscriptions',
    // a person creates and deletes their own; nobody else reads them
    allowed: { list: ['guest'], view: ['guest'], create: PEOPLE, update: [], delete: ['guest'] },
    target: () =>
      server.admin.collection('push_subscriptions').create({
        user: userOf.guest.id,
        endpoint: `https://push.example.com/send/${++slot}-${Date.now()}`,
        p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
        auth: 'tBHItJI5svbpez7KI4CCXg',
      }),
    createBody: async (actor) => ({
      user: ownId(actor),
      endpoint: `https://push.example.com/send/${actor}-${++slot}-${Date.now()}`,
      p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
      auth: 'tBHItJI5svbpez7KI4CCXg',
    }),
    updateBody: { user_agent: 'changed' },
  },
];

/** Tries the action; true when the server let it through. */
async function attempt(c: CollectionCase, actor: Actor, action: Action, target: { id: string }): Promise<boolean> {
  const records = pbOf[actor].collection(c.name);
  try {
    switch (action) {
      case 'list': {
        const list = await records.getFullList({ filter: `id = "${target.id}"` });
        return list.length === 1;
      }
      case 'view':
        await records.getOne(target.id);
        return true;
      case 'create':
        await records.create(await c.createBody(actor));
        return true;
      case 'update':
        await records.update(target.id, c.updateBody);
        return true;
      case 'delete':
        await records.delete(target.id);
        return true;
    }
  } catch (error) {
    const status = (error as { status?: number }).status;
    // a refusal is a 4xx; anything else is a bug, not a permission answer
    expect([400, 401, 403, 404]).toContain(status);
    return false;
  }
}

beforeAll(async () => {
  server = await startTestServer();
  pbOf.anonymous = server.client();
  for (const [actor, role] of [
    ['guest', 'guest'],
    ['otherGuest', 'guest'],
    ['member', 'member'],
    ['host', 'host'],
  ] as const) {
    const { pb, user } = await server.person(role);
    pbOf[actor] = pb;
    userOf[actor] = user;
  }
  bookableRoom = (
    await server.admin.collection('spaces').create({ name: 'Konferensrum', kind: 'meeting_room', capacity: 8, bookable: true })
  ).id;
});

afterAll(() => server?.stop());

describe.each(cases)('$name', (c) => {
  const matrix = ACTIONS.flatMap((action) => ACTORS.map((actor) => ({ action, actor })));
  it.each(matrix)('$actor may $action: as DESIGN says', async ({ action, actor }) => {
    const target = await c.target();
    const before = await server.admin.collection(c.name).getOne(target.id);
    const expected = c.allowed[action].includes(actor);

    expect(await attempt(c, actor, action, target)).toBe(expected);

    if (!expected && (action === 'update' || action === 'delete')) {
      const after = await server.admin.collection(c.name).getOne(target.id);
      expect(after).toEqual(before);
    }
  });
});

describe('drafts', () => {
  it('are seen by hosts only', async () => {
    const draft = await createEvent(server.admin, { status: 'draft' });
    for (const actor of ACTORS) {
      const seen = await pbOf[actor]
        .collection('events')
        .getOne(draft.id)
        .then(
          () => true,
          () => false,
        );
      expect(seen, actor).toBe(actor === 'host');
    }
  });
});
