// The programme and my registrations as the device holds them (IndexedDB), as reactive
// state. Reloaded whenever the offline runtime says local data changed.
import { offline, followDeviceData } from '$lib/offline';
import { coalesced } from '$lib/offline/coalesce';
import { readMeta, type LocalRegistration } from '$lib/offline/db';
import type { EventRecord, HeldPass, SpaceRecord } from '$lib/pocketbase/types';

class ScheduleState {
  // replaced whole on every read, never changed in place: raw state, so reading a thousand
  // events costs no proxies
  #events = $state.raw<EventRecord[]>([]);
  #spaces = $state.raw<Record<string, SpaceRecord>>({});
  #registrations = $state.raw<LocalRegistration[]>([]);
  #passes = $state.raw<HeldPass[]>([]);
  #companyName = $state('');
  #savedAt = $state<number | null>(null);
  #loaded = $state(false);

  /** Reads the device's copy now and again after every local change. */
  start() {
    followDeviceData(this.reload);
  }

  /** Bursts of changes (a realtime storm, a large sync) make few reads. */
  reload = coalesced(() => this.#read());

  async #read() {
    const { db } = await offline();
    const [events, spaces, registrations, passes, companyName, savedAt] = await Promise.all([
      db.getAllFromIndex('events', 'starts'),
      db.getAll('spaces'),
      db.getAll('registrations'),
      db.getAll('passes'),
      readMeta<string>(db, 'me:company'),
      readMeta<number>(db, 'programme:savedAt'),
    ]);
    this.#events = events;
    this.#spaces = Object.fromEntries(spaces.map((s) => [s.id, s]));
    this.#registrations = registrations;
    this.#passes = passes;
    this.#companyName = companyName ?? '';
    this.#savedAt = savedAt ?? null;
    if (!this.#loaded) performance.mark('coffice:schedule-loaded');
    this.#loaded = true;
  }

  get loaded() {
    return this.#loaded;
  }
  get events() {
    return this.#events;
  }
  get spaces() {
    return this.#spaces;
  }
  get registrations() {
    return this.#registrations;
  }
  get passes() {
    return this.#passes;
  }
  /** my company's name, for the member pass */
  get companyName() {
    return this.#companyName;
  }
  /** when the programme on this device was last brought up to date */
  get savedAt() {
    return this.#savedAt;
  }

  event(id: string): EventRecord | undefined {
    return this.#events.find((e) => e.id === id);
  }

  /** My registration for an event (the latest, if there are several). */
  registrationFor(eventId: string): LocalRegistration | undefined {
    return this.#registrations.filter((r) => r.event === eventId).sort((a, b) => b.created.localeCompare(a.created))[0];
  }
}

export const schedule = new ScheduleState();
