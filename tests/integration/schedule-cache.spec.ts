// The device's copy of my registrations follows the server (real PocketBase, IndexedDB in
// memory): what the server holds arrives, what it deleted leaves — but a registration the
// server refused, which exists only on this device to say why, is kept.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createEvent, startTestServer, type TestServer } from '../helpers/server';
import { openCofficeDb, type LocalRegistration } from '../../src/lib/offline/db';
import { registrationsPuller } from '../../src/lib/offline/schedule-cache';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const local = (id: string, user: string, fields: Partial<LocalRegistration>): LocalRegistration => ({
  id,
  event: 'someevent000000',
  user,
  status: 'confirmed',
  position: 0,
  created: '2026-11-28 08:00:00.000Z',
  updated: '2026-11-28 08:00:00.000Z',
  collectionId: '',
  collectionName: 'registrations',
  ...fields,
});

it('keeps refused and pending registrations, drops ones the server no longer has, takes the server’s', async () => {
  const { pb, user } = await server.person('guest');
  const event = await createEvent(server.admin);
  const onServer = await pb.collection('registrations').create({ event: event.id, user: user.id });
  const db = await openCofficeDb(`coffice-pull-${Date.now()}`);
  await db.put('registrations', local('refusedhere0000', user.id, { status: 'cancelled', refusal: 'event_cancelled' }));
  await db.put('registrations', local('pendinghere0000', user.id, { status: 'pending', pendingChange: 'create' }));
  await db.put('registrations', local('deletedthere000', user.id, {}));

  await registrationsPuller(pb, db).pull();

  const ids = (await db.getAll('registrations')).map((r) => r.id).sort();
  expect(ids).toEqual([onServer.id, 'pendinghere0000', 'refusedhere0000'].sort());
  expect(await db.get('registrations', 'refusedhere0000')).toMatchObject({ refusal: 'event_cancelled' });
});
