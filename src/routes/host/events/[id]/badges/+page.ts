// The event and its confirmed people (name and company), read before the badge sheet shows.
import { loadBadgePeople, loadHostEvent } from '$lib/services/host-events.service';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params }) => {
  const [event, people] = await Promise.all([loadHostEvent(params.id), loadBadgePeople(params.id)]);
  return { event, people };
};
