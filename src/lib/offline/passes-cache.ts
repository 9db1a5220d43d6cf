// Brings my passes (and my company's name, for the member pass) to the device, so a pass
// opens with no network, from a cold start. Runs after every sync, so a registration
// change made here or elsewhere is followed by its pass. A pass never goes back to an older
// copy: a reissue written while the pull was on its way is kept (merge.ts). The first pull of
// a session fetches every pass of mine; later ones only those changed since.
import type { CompanyRecord, HeldPass, AppPocketBase } from '$lib/pocketbase/types';
import { writeMeta, type CofficeDb } from './db';
import { localWrites, mayDrop, newer } from './merge';
import type { Puller } from './sync';

export function passesPuller(pb: AppPocketBase, db: CofficeDb): Puller {
  // a delta after the first pull of a session: only passes changed since the latest one held
  // (a reissue or revocation changes `updated`; passes are never deleted, only revoked)
  let since: { holder: string; updated: string } | null = null;
  return {
    name: 'passes',
    async pull() {
      const me = pb.authStore.record;
      if (!pb.authStore.isValid || !me) return;
      const mark = localWrites.mark();
      const delta = since?.holder === me.id ? since.updated : '';
      const passes = await pb.collection('passes').getFullList<HeldPass>({
        filter: delta
          ? pb.filter('holder = {:me} && updated >= {:since}', { me: me.id, since: delta })
          : pb.filter('holder = {:me}', { me: me.id }),
        requestKey: null,
      });
      const company = me.company
        ? await pb
            .collection('companies')
            .getOne<CompanyRecord>(me.company, { fields: 'id,name', requestKey: null })
            .catch(() => null)
        : null;
      const tx = db.transaction(['passes', 'meta'], 'readwrite');
      const store = tx.objectStore('passes');
      if (!delta) {
        // the whole list: whatever the device holds that is not in it is someone else's or gone
        const fresh = new Set(passes.map((pass) => pass.id));
        for (const id of await store.getAllKeys()) {
          if (!fresh.has(id) && mayDrop('passes', id, mark)) await store.delete(id);
        }
      }
      for (const pass of passes) await store.put(newer(await store.get(pass.id), pass));
      await tx.done;
      await writeMeta(db, 'me:company', company?.name ?? '');
      const latest = passes.reduce((max, pass) => (pass.updated > max ? pass.updated : max), delta);
      since = { holder: me.id, updated: latest };
      performance.mark('coffice:passes-pulled'); // for tests: a passes pull was written
    },
  };
}
