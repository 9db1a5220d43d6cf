// Brings my passes (and my company's name, for the member pass) to the device, so a pass
// opens with no network, from a cold start. Runs after every sync, so a registration
// change made here or elsewhere is followed by its pass. A pass never goes back to an older
// copy: a reissue written while the pull was on its way is kept (merge.ts).
import type { CompanyRecord, HeldPass, AppPocketBase } from '$lib/pocketbase/types';
import { writeMeta, type CofficeDb } from './db';
import { localWrites, mayDrop, newer } from './merge';
import type { Puller } from './sync';

export function passesPuller(pb: AppPocketBase, db: CofficeDb): Puller {
  return {
    name: 'passes',
    async pull() {
      const me = pb.authStore.record;
      if (!pb.authStore.isValid || !me) return;
      const mark = localWrites.mark();
      // a person holds a handful of passes: fetch them all, so revocations are never missed
      const passes = await pb
        .collection('passes')
        .getFullList<HeldPass>({ filter: pb.filter('holder = {:me}', { me: me.id }), requestKey: null });
      const company = me.company
        ? await pb
            .collection('companies')
            .getOne<CompanyRecord>(me.company, { fields: 'id,name', requestKey: null })
            .catch(() => null)
        : null;
      const tx = db.transaction(['passes', 'meta'], 'readwrite');
      const store = tx.objectStore('passes');
      const fresh = new Set(passes.map((pass) => pass.id));
      for (const id of await store.getAllKeys()) {
        if (!fresh.has(id) && mayDrop('passes', id, mark)) await store.delete(id);
      }
      for (const pass of passes) await store.put(newer(await store.get(pass.id), pass));
      await tx.done;
      await writeMeta(db, 'me:company', company?.name ?? '');
      performance.mark('coffice:passes-pulled'); // for tests: a passes pull was written
    },
  };
}
