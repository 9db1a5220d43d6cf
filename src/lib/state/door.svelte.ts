// The door device's knowledge as reactive state: the door list of today and this device's
// own scans. Kept in memory so a scan is decided in one step, without waiting on storage.
import { offline, followDeviceData } from '$lib/offline';
import { coalesced } from '$lib/offline/coalesce';
import { readMeta } from '$lib/offline/db';
import { DOOR_LIST_KEY } from '$lib/offline/door-list-cache';
import { passByHash, type DoorList, type DoorListPass } from '$lib/door/door-list';
import type { DeviceScan } from '$lib/offline/db';

class DoorState {
  // replaced whole, never changed in place: raw state (no proxies over hundreds of passes)
  #list = $state.raw<DoorList | undefined>(undefined);
  #deviceScans = $state.raw<DeviceScan[]>([]);
  #passes = new Map<string, DoorListPass>();
  #loaded = $state(false);

  /** Reads the device's copy now and again after every local change. */
  start() {
    followDeviceData(this.reload);
  }

  reload = coalesced(async () => {
    const { db } = await offline();
    const [list, scans] = await Promise.all([readMeta<DoorList>(db, DOOR_LIST_KEY), db.getAll('doorScans')]);
    this.#list = list;
    this.#passes = passByHash(list);
    this.#deviceScans = scans;
    this.#loaded = true;
  });

  /** Adds a scan this device just made (already stored durably by the service). */
  remember(scan: DeviceScan) {
    this.#deviceScans = [...this.#deviceScans, scan];
  }

  get loaded() {
    return this.#loaded;
  }
  get list() {
    return this.#list;
  }
  get events() {
    return this.#list?.events ?? [];
  }
  get deviceScans() {
    return this.#deviceScans;
  }
  pass(hash: string) {
    return this.#passes.get(hash);
  }
  /** this device's own id and the name a host gave it (door.service keeps them) */
  device = $state<{ id: string; name: string }>({ id: '', name: '' });
  /** What to call a door device in a verdict: its name when it has one, else its id. */
  deviceLabel(id: string) {
    if (id && id === this.device.id && this.device.name) return this.device.name;
    return this.#list?.devices?.[id] || id;
  }
  /** every admitted scan known here: other doors' (from the list) and this device's */
  get knownScans() {
    return [...(this.#list?.scans ?? []), ...this.#deviceScans];
  }
}

export const doorState = new DoorState();
