// The member companies, read from the server before the page shows; offline the page says
// where to find them instead, and reads them when the network is back.
import { listCompanies } from '$lib/services/companies.service';
import { network } from '$lib/state/network.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ depends }) => {
  depends('coffice:companies');
  if (!network.online) return { companies: null, offline: true };
  const result = await listCompanies();
  return { companies: result.ok ? result.companies : null, offline: false };
};
