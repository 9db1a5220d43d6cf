// The venue's numbers for the period in the address (?from=YYYY-MM-DD&to=YYYY-MM-DD; the
// last 12 months without one), read from the server before they show. Choosing another
// period navigates, so SvelteKit shows the answer to the latest choice only.
import { loadInsights, presetPeriod } from '$lib/services/insights.service';
import { network } from '$lib/state/network.svelte';
import { dayOf } from '$lib/time/venue-clock';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url, depends }) => {
  depends('coffice:insights');
  const today = dayOf(new Date());
  const fallback = presetPeriod('last12', today);
  const from = url.searchParams.get('from') ?? fallback.from;
  const to = url.searchParams.get('to') ?? fallback.to;
  if (!network.online) return { today, from, to, result: null };
  const result = from && to ? await loadInsights(from, to) : ({ ok: false, reason: 'invalid' } as const);
  return { today, from, to, result };
};
