// Hosts' list of events, as the server has it now, and the notices it could not send (online
// only: see host-events.service).
import { listFailedNotices, listHostEvents } from '$lib/services/host-events.service';
import type { PageLoad } from './$types';

export const load: PageLoad = async () => {
  const [events, failedNotices] = await Promise.all([listHostEvents(), listFailedNotices()]);
  return { events, failedNotices };
};
