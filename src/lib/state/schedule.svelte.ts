// The programme and my registrations as the device holds them (IndexedDB), as reactive
// state. Reloaded whenever the offline runtime says local data changed.
import { offline, followDeviceData } from '$lib/offline';
import { coalesced } from '$lib/offline/coalesce';
import { readMeta, type LocalRegistration } from '$lib/offline/db';
import type { ProgrammeAnswer } from '$lib/offline/schedule-cache';
import { withAnswer } from '$lib/offline/merge';
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

  // the device's copy (events, spaces), and the server's answer the device is still storing (shown over it)
  #stored: [EventRecord[], SpaceRecord[]] = [[], []];
  #fetched: ProgrammeAnswer | null = null;
  /** the answer shown over the device's copy is all stored: the next read replaces it */
  #fetchedStored = false;
  /** the device's programme version last read (see `programmeVersion`) */
  #readVersion = -1;

  /** Reads the device's copy now and again after every local change; shows the server's answer as it arrives. */
  start() {
    followDeviceData(this.reload);
    if (typeof window !== 'undefined')
      void offline().then((runtime) =>
        runtime.onProgrammeFetched((answer) => {
          this.#fetchedStored = !answer;
          if (answer) this.#show((this.#fetched = answer));
          else void this.reload();
        }),
      );
  }

  /** Bursts of changes (a realtime storm, a large sync) make few reads. */
  reload = coalesced(() => this.#read());

  /** Shows the device's copy with the server's answer over it (`fetched`, while it is stored). */
  #show(fetched = this.#fetched) {
    const [events, spaces] = this.#stored;
    this.#events = fetched ? withAnswer(events, fetched.events) : events;
    this.#spaces = Object.fromEntries((fetched?.spaces ?? spaces).map((s) => [s.id, s]));
    if (!this.#loaded) performance.mark('coffice:schedule-loaded');
    this.#loaded = true;
  }

  async #read() {
    const { db, programmeVersion } = await offline();
    const replacesFetched = this.#fetchedStored; // a read begun before the last piece was stored may miss some
    // a sync that changed no event (most of them) costs no read of 1,000 events
    const version = programmeVersion();
    const [events, spaces, registrations, passes, companyName, savedAt] = await Promise.all([
      version === this.#readVersion ? this.#stored[0] : db.getAllFromIndex('events', 'starts'),
      db.getAll('spaces'),
      db.getAll('registrations'),
      db.getAll('passes'),
      readMeta<string>(db, 'me:company'),
      readMeta<number>(db, 'programme:savedAt'),
    ]);
    if (replacesFetched && this.#fetchedStored) this.#fetched = null;
    this.#stored = [events, spaces];
    this.#readVersion = version;
    this.#registrations = registrations;
    this.#passes = passes;
    this.#companyName = companyName ?? '';
    this.#savedAt = savedAt ?? null;
    this.#show();
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
