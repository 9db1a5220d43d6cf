// The public facts of /join (free places now, the trades sought, the listed companies), read
// from the server before the page shows; offline the page says so and reads them when the
// network is back.
import { loadJoinFacts } from '$lib/services/join.service';
import { network } from '$lib/state/network.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ depends }) => {
  depends('coffice:companies');
  if (!network.online) return { facts: null, offline: true };
  const result = await loadJoinFacts();
  return { facts: result.ok ? result.facts : null, offline: false };
};
