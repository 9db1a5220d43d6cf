// The device's database upgrades in place: data saved by an older version of the app
// (the programme, the outbox) is still there after the upgrade.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, openCofficeDb } from './db';

describe('IndexedDB schema', () => {
  it('upgrades a version 1 database without losing what it held', async () => {
    const name = `coffice-upgrade-${Date.now()}`;
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('events', { keyPath: 'id' }).createIndex('starts', 'starts');
        db.createObjectStore('spaces', { keyPath: 'id' });
        db.createObjectStore('registrations', { keyPath: 'id' }).createIndex('event', 'event');
        db.createObjectStore('passes', { keyPath: 'id' }).createIndex('holder', 'holder');
        db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true }).createIndex('state', 'state');
        db.createObjectStore('meta', { keyPath: 'key' });
      },
    });
    await v1.put('events', { id: 'e1', starts: '2026-12-01 07:00:00.000Z', title: 'Frukost' });
    await v1.add('outbox', { op: { kind: 'registration.cancel', id: 'r1' }, queuedAt: 1, attempts: 0, state: 'pending' });
    v1.close();

    const db = await openCofficeDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.get('events', 'e1')).toMatchObject({ title: 'Frukost' });
    expect(await db.count('outbox')).toBe(1);
    await db.put('doorScans', { id: 's1', hash: 'h', event: '', direction: 'in', at: 'x', device: 'd', verdict: 'admitted' });
    expect(await db.countFromIndex('doorScans', 'hash', 'h')).toBe(1);
    db.close();
  });
});
