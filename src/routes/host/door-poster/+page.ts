// The front-door poster's code and the door code of the day, from the server (hosts only);
// read again when the code is changed or a new venue day begins.
import { doorPoster } from '$lib/services/self-checkin.service';
import { auth } from '$lib/state/auth.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ depends }) => {
  depends('coffice:door-poster');
  return { poster: auth.isHost ? await doorPoster() : null };
};
