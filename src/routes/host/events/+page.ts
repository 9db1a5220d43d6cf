// Hosts' list of events, as the server has it now (online only: see host-events.service).
import { listHostEvents } from '$lib/services/host-events.service';
import type { PageLoad } from './$types';

export const load: PageLoad = async () => ({ events: await listHostEvents() });
