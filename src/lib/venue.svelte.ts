// The venue's name, address and map link: its settings on the server (collection `venue`,
// edited by hosts on /host/venue), kept on the device so a pass or an event page offline
// still shows the last known venue. Asked for once per app start, by the first screen that
// shows it.
import { pb } from '$lib/pocketbase/client';
import type { VenueRecord } from '$lib/pocketbase/types';

export const VENUE_ID = 'venuesettings01';
export type Venue = Pick<VenueRecord, 'name' | 'address' | 'map_url'>;
const KEY = 'coffice:venue';

class VenueState {
  #venue = $state.raw<Venue | null>(null);
  #asked = false;

  #ask() {
    if (this.#asked || typeof window === 'undefined') return;
    this.#asked = true;
    try {
      this.#venue ??= JSON.parse(localStorage.getItem(KEY) ?? 'null');
    } catch {
      // an unreadable copy: the server's answer replaces it
    }
    pb.collection('venue')
      .getOne<Venue>(VENUE_ID, { fields: 'name,address,map_url', requestKey: null })
      .then(
        (venue) => this.use(venue),
        () => undefined,
      );
  }

  /** The venue as the server now holds it (after an answer, or a host's save). */
  use(venue: Venue) {
    this.#venue = { name: venue.name, address: venue.address, map_url: venue.map_url };
    localStorage.setItem(KEY, JSON.stringify(this.#venue));
  }

  get name() {
    this.#ask();
    return this.#venue?.name ?? '';
  }
  get address() {
    this.#ask();
    return this.#venue?.address ?? '';
  }
  /** opens the phone's map app or the map site; carries no pass data */
  get directionsUrl() {
    this.#ask();
    const place = this.#venue ? `${this.#venue.name}, ${this.#venue.address}` : 'Coffice';
    return this.#venue?.map_url || `https://www.openstreetmap.org/search?query=${encodeURIComponent(place)}`;
  }
}

export const VENUE = new VenueState();
