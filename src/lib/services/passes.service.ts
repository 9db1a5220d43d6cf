// The signed-in person's valid passes (the offline store comes with the passes screen issue).
import { pb, failureReason } from '$lib/pocketbase/client';
import type { PassRecord, RegistrationRecord, EventRecord } from '$lib/pocketbase/types';
import type { Loaded } from './programme.service';

export type MyPass = PassRecord & {
  expand?: { registration?: RegistrationRecord & { expand?: { event?: EventRecord } } };
};

export async function loadMyPasses(userId: string): Promise<Loaded<MyPass[]>> {
  try {
    const value = await pb.collection('passes').getFullList<MyPass>({
      filter: pb.filter('holder = {:user} && revoked = false', { user: userId }),
      expand: 'registration.event',
      sort: '-created',
    });
    return { ok: true, value };
  } catch (error) {
    return { ok: false, reason: failureReason(error) };
  }
}
