// Hosts keep the venue's settings (name, address, map link); the server lets only hosts
// change them and checks the map link. Online only: a desk task.
import { pb } from '$lib/pocketbase/client';
import { VENUE, VENUE_ID, type Venue } from '$lib/venue.svelte';
import { accountReason, type AccountReason } from './account-reasons';
import type { CompanyFieldErrors } from './companies.service';

export type VenueResult = { ok: true; venue: Venue } | { ok: false; reason: AccountReason; fieldErrors?: CompanyFieldErrors };

export async function loadVenue(): Promise<VenueResult> {
  try {
    return { ok: true, venue: await pb.collection('venue').getOne<Venue>(VENUE_ID) };
  } catch (error) {
    return { ok: false, reason: accountReason(error) };
  }
}

export async function saveVenue(fields: Venue): Promise<VenueResult> {
  try {
    const venue = await pb.collection('venue').update<Venue>(VENUE_ID, {
      name: fields.name.trim(),
      address: fields.address.trim(),
      map_url: fields.map_url.trim(),
    });
    VENUE.use(venue);
    return { ok: true, venue };
  } catch (error) {
    const data = (error as { status?: number; response?: { data?: CompanyFieldErrors } }).response?.data;
    return { ok: false, reason: accountReason(error), fieldErrors: data };
  }
}
