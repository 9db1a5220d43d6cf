// The device's IndexedDB: what the app shows offline and the outbox of writes not yet
// sent. Versioned: every schema change adds an `if (oldVersion < N)` step below.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { EventRecord, HeldPass, RegistrationRecord, SpaceRecord } from '$lib/pocketbase/types';
import type { OutboxEntry } from './outbox';
import type { KnownScan } from '$lib/door/verdict';

/** A scan this device made at the door (kept until the door list is wiped). */
export interface DeviceScan extends KnownScan {
  id: string;
}

/** A registration as the device knows it: the server's record, or one still in the outbox. */
export interface LocalRegistration extends Omit<RegistrationRecord, 'status'> {
  status: RegistrationRecord['status'] | 'pending';
  /** set while a change made on this device waits in the outbox */
  pendingChange?: 'create' | 'cancel';
  /** the server refused the change for good: its code (e.g. `event_ended`, words: $lib/refusal-text).
   * A device from before the codes may hold the server's English sentence: shown as a plain refusal. */
  refusal?: string;
  /** the device saw it go from the waitlist to confirmed: the person is told "you got a place" */
  promoted?: boolean;
}

export interface CofficeSchema extends DBSchema {
  events: { key: string; value: EventRecord; indexes: { starts: string } };
  spaces: { key: string; value: SpaceRecord };
  registrations: { key: string; value: LocalRegistration; indexes: { event: string } };
  passes: { key: string; value: HeldPass; indexes: { holder: string } };
  outbox: { key: number; value: OutboxEntry; indexes: { state: OutboxEntry['state'] } };
  meta: { key: string; value: { key: string; value: unknown } };
  doorScans: { key: string; value: DeviceScan; indexes: { hash: string } };
}

export type CofficeDb = IDBPDatabase<CofficeSchema>;
export const DB_NAME = 'coffice';
export const DB_VERSION = 2;

export function openCofficeDb(name = DB_NAME): Promise<CofficeDb> {
  return openDB<CofficeSchema>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('events', { keyPath: 'id' }).createIndex('starts', 'starts');
        db.createObjectStore('spaces', { keyPath: 'id' });
        db.createObjectStore('registrations', { keyPath: 'id' }).createIndex('event', 'event');
        db.createObjectStore('passes', { keyPath: 'id' }).createIndex('holder', 'holder');
        db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true }).createIndex('state', 'state');
        db.createObjectStore('meta', { keyPath: 'key' });
      }
      if (oldVersion < 2) {
        // v2: the door's own scans, so it decides "already in" offline without the server
        db.createObjectStore('doorScans', { keyPath: 'id' }).createIndex('hash', 'hash');
      }
    },
  });
}

export async function readMeta<T>(db: CofficeDb, key: string): Promise<T | undefined> {
  return (await db.get('meta', key))?.value as T | undefined;
}

export async function writeMeta(db: CofficeDb, key: string, value: unknown): Promise<void> {
  await db.put('meta', { key, value });
}
