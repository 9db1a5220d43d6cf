// Brings the programme and the person's own registrations to the device: delta sync on
// `updated` (a cursor per kind of data), plus, once per app start, a check of which
// records still exist (deleted or unpublished ones leave the device too).
import type { RecordModel } from 'pocketbase';
import { unwrap } from 'idb';
import type { EventRecord, RegistrationRecord, AppPocketBase, SpaceRecord } from '$lib/pocketbase/types';
import { readMeta, writeMeta, type CofficeDb } from './db';
import { keepRegistration, localWrites, mayDrop } from './merge';
import type { Puller } from './sync';
import { writeInIdleSlices } from './idle';

const PAGE = 500;

/** Every record of a collection changed since `cursor`, oldest change first. */
async function changedSince<T extends RecordModel>(pb: AppPocketBase, collection: string, filter: string, cursor: string) {
  const parts = [filter, cursor ? pb.filter('updated >= {:cursor}', { cursor }) : ''].filter(Boolean);
  const all: T[] = [];
  for (let page = 1; ; page++) {
    const list = await pb
      .collection(collection)
      .getList<T>(page, PAGE, { filter: parts.join(' && '), sort: 'updated,id', skipTotal: true, requestKey: null });
    all.push(...list.items);
    if (list.items.length < PAGE) return all;
  }
}

async function existingIds(pb: AppPocketBase, collection: string, filter: string): Promise<Set<string>> {
  const records = await pb.collection(collection).getFullList({ filter, fields: 'id', batch: 1000, requestKey: null });
  return new Set(records.map((r) => r.id));
}

/** The programme as the server just answered, before the device has stored it. */
export interface ProgrammeAnswer {
  events: EventRecord[];
  spaces: SpaceRecord[];
}

/**
 * The programme puller. `shown` gets the server's answer as soon as it arrives, so the
 * screens paint it at once, and `null` once all of it is on the device (or when events
 * left it: whenever the device's events changed). Storing runs in
 * idle slices behind the paint (a first visit stores the whole programme); the cursor moves
 * only when every record is stored, so a visit cut short fetches the rest again.
 */
export function eventsPuller(
  pb: AppPocketBase,
  db: CofficeDb,
  shown: (answer: ProgrammeAnswer | null) => void = () => {},
): Puller & { reset(): Promise<void> } {
  let checkedThisStart = false;
  return {
    name: 'events',
    /** After sign-in or sign-out: what the person may see changed, so fetch it all again. */
    async reset() {
      checkedThisStart = false;
      await writeMeta(db, 'cursor:events', '');
    },
    async pull() {
      performance.mark('coffice:events-pull-start');
      const mark = localWrites.mark();
      const cursor = (await readMeta<string>(db, 'cursor:events')) ?? '';
      const [changed, spaces] = await Promise.all([
        changedSince<EventRecord>(pb, 'events', '', cursor),
        pb.collection('spaces').getFullList<SpaceRecord>({ requestKey: null }),
      ]);
      // which records still exist, once per app start; a device holding none (a first visit) has nothing to drop
      const holdsNone = cursor === '' && (await db.count('events')) === 0;
      const stillThere = checkedThisStart || holdsNone ? null : await existingIds(pb, 'events', '');
      // the delta asks from its cursor on (>=): the records at the cursor the device holds already are no news
      const news: EventRecord[] = [];
      for (const event of changed) {
        if (event.updated !== cursor || (await db.get('events', event.id))?.updated !== event.updated) news.push(event);
      }
      if (news.length > 0) shown({ events: news, spaces });
      let changedHere = news.length > 0;
      try {
        // a copy realtime wrote since this pull began is newer than the answer: kept
        await writeInIdleSlices(news, () => {
          // raw requests: no promise per put
          const tx = db.transaction('events', 'readwrite');
          const store = unwrap(tx.store);
          return { put: (event) => void (localWrites.since('events', event.id, mark) || store.put(event)), done: tx.done };
        });
        const tx = db.transaction(['events', 'spaces', 'meta'], 'readwrite');
        await tx.objectStore('spaces').clear();
        for (const space of spaces) await tx.objectStore('spaces').put(space);
        if (stillThere) {
          for (const id of await tx.objectStore('events').getAllKeys()) {
            if (!stillThere.has(id) && mayDrop('events', id, mark)) {
              changedHere = true;
              await tx.objectStore('events').delete(id);
            }
          }
        }
        const last = changed.at(-1)?.updated ?? cursor;
        await tx.objectStore('meta').put({ key: 'cursor:events', value: last });
        await tx.objectStore('meta').put({ key: 'programme:savedAt', value: Date.now() });
        await tx.done;
      } finally {
        if (changedHere) shown(null);
      }
      checkedThisStart = true;
      performance.mark('coffice:events-stored'); // for tests: the programme is all on the device
      performance.measure('coffice:events-pull', 'coffice:events-pull-start');
    },
  };
}

export function registrationsPuller(pb: AppPocketBase, db: CofficeDb): Puller {
  let checkedFor = '';
  return {
    name: 'registrations',
    async pull() {
      const userId = pb.authStore.record?.id;
      if (!pb.authStore.isValid || !userId) return;
      const mark = localWrites.mark();
      const key = `cursor:registrations:${userId}`;
      const cursor = (await readMeta<string>(db, key)) ?? '';
      const mine = pb.filter('user = {:user}', { user: userId });
      const changed = await changedSince<RegistrationRecord>(pb, 'registrations', mine, cursor);
      const stillThere = checkedFor === userId ? null : await existingIds(pb, 'registrations', mine);
      const tx = db.transaction('registrations', 'readwrite');
      for (const record of changed) {
        const local = await tx.store.get(record.id);
        if (local?.pendingChange) continue; // the device's own change is on its way
        await tx.store.put(keepRegistration(local, record));
      }
      if (stillThere) {
        for (const local of await tx.store.getAll()) {
          // gone from the server: deleted there. A refusal never reached the server; it stays
          // on the device to say why until the person registers again.
          // One written here since this pull began (just sent) is newer than the answer.
          const gone =
            local.user === userId &&
            !local.pendingChange &&
            !local.refusal &&
            !stillThere.has(local.id) &&
            mayDrop('registrations', local.id, mark);
          if (gone) await tx.store.delete(local.id);
        }
      }
      await tx.done;
      await writeMeta(db, key, changed.at(-1)?.updated ?? cursor);
      checkedFor = userId;
    },
  };
}
