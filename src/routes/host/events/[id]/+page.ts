// One event and who registered for it, read together before the screen shows; a change on
// the screen reloads both (invalidate('coffice:host-event')).
import { loadHostEvent, loadParticipants } from '$lib/services/host-events.service';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, depends }) => {
  depends('coffice:host-event');
  const [event, participants] = await Promise.all([loadHostEvent(params.id), loadParticipants(params.id)]);
  return { event, participants };
};
