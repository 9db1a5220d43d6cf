// Hosts keep the venue's settings (name, address, map link, and for /join the trades sought
// and the free fixed places); the server lets only hosts
// change them and checks the map link. Online only: a desk task.
import { pb } from '$lib/pocketbase/client';
import type { VenueRecord } from '$lib/pocketbase/types';
import { VENUE, VENUE_ID, type Venue } from '$lib/venue.svelte';
import { accountReason, type AccountReason } from './account-reasons';
import type { CompanyFieldErrors } from './companies.service';

/** What the host's venue screen edits. */
export type VenueSettings = Venue & Pick<VenueRecord, 'sought_trades' | 'fixed_places_free'>;
export type VenueResult = { ok: true; venue: VenueSettings } | { ok: false; reason: AccountReason; fieldErrors?: CompanyFieldErrors };

export async function loadVenue(): Promise<VenueResult> {
  try {
    return { ok: true, venue: await pb.collection('venue').getOne<VenueSettings>(VENUE_ID) };
  } catch (error) {
    return { ok: false, reason: accountReason(error) };
  }
}

export async function saveVenue(fields: VenueSettings): Promise<VenueResult> {
  try {
    const venue = await pb.collection('venue').update<VenueSettings>(VENUE_ID, {
      name: fields.name.trim(),
      address: fields.address.trim(),
      map_url: fields.map_url.trim(),
      sought_trades: (fields.sought_trades ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .join('\n'),
      fixed_places_free: Math.max(0, Math.floor(Number(fields.fixed_places_free) || 0)),
    });
    VENUE.use(venue);
    return { ok: true, venue };
  } catch (error) {
    const data = (error as { status?: number; response?: { data?: CompanyFieldErrors } }).response?.data;
    return { ok: false, reason: accountReason(error), fieldErrors: data };
  }
}
