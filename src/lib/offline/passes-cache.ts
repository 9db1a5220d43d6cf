// Brings my passes (and my company's name, for the member pass) to the device, so a pass
// opens with no network, from a cold start. Runs after every sync, so a registration
// change made here or elsewhere is followed by its pass.
import type { CompanyRecord, HeldPass, AppPocketBase } from '$lib/pocketbase/types';
import { writeMeta, type CofficeDb } from './db';
import type { Puller } from './sync';

export function passesPuller(pb: AppPocketBase, db: CofficeDb): Puller {
  return {
    name: 'passes',
    async pull() {
      const me = pb.authStore.record;
      if (!pb.authStore.isValid || !me) return;
      // a person holds a handful of passes: fetch them all, so revocations are never missed
      const passes = await pb
        .collection('passes')
        .getFullList<HeldPass>({ filter: pb.filter('holder = {:me}', { me: me.id }), requestKey: null });
      const company = me.company
        ? await pb.collection('companies').getOne<CompanyRecord>(me.company, { fields: 'id,name', requestKey: null }).catch(() => null)
        : null;
      const tx = db.transaction(['passes', 'meta'], 'readwrite');
      await tx.objectStore('passes').clear();
      for (const pass of passes) await tx.objectStore('passes').put(pass);
      await tx.done;
      await writeMeta(db, 'me:company', company?.name ?? '');
    },
  };
}
