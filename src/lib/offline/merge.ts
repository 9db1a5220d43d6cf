// What a pull may change on the device. A pull's answer can be older than what the device
// already holds: it was asked before a local write (a reissued pass, a registration just
// sent) and answers after it. Such an answer never takes the device back in time.
import type { EventRecord, RegistrationRecord } from '$lib/pocketbase/types';
import type { LocalRegistration } from './db';

/** Local writes on this device, in order; a pull takes a mark when it starts. */
export class WriteLog {
  #clock = 0;
  #last = new Map<string, number>();

  /** the point a pull starts from */
  mark(): number {
    return this.#clock;
  }

  /** the device wrote `id` of `store` (from a service, the outbox's answer or realtime) */
  note(store: string, id: string): void {
    this.#last.set(`${store}:${id}`, ++this.#clock);
  }

  /** written on the device after `mark` */
  since(store: string, id: string, mark: number): boolean {
    return (this.#last.get(`${store}:${id}`) ?? 0) > mark;
  }
}

export const localWrites = new WriteLog();

/**
 * The copy to keep of a record the server sent: the server's, unless the device holds one
 * the server changed later (`updated`, the server's own time, in one sortable format).
 */
export function newer<T extends { updated: string }>(local: T | undefined, server: T): T {
  return local && local.updated > server.updated ? local : server;
}

/** A record missing from a pull's answer leaves the device, unless written here since the pull began. */
export function mayDrop(store: string, id: string, mark: number, log: WriteLog = localWrites): boolean {
  return !log.since(store, id, mark);
}

/**
 * My registration as the server sent it, kept with what only this device saw: that it left
 * the waitlist for a place (`promoted`), so the app can say "you got a place" where the
 * person looks (the event page, My programme) — not only in a mail.
 */
export function keepRegistration(local: LocalRegistration | undefined, server: RegistrationRecord): LocalRegistration {
  const kept = newer<LocalRegistration>(local, server);
  const promoted = kept.status === 'confirmed' && (local?.promoted || local?.status === 'waitlisted');
  return promoted ? { ...kept, promoted: true } : kept;
}

/**
 * The device's events (in order of start) with the server's answer over them: an event in
 * the answer replaces the device's copy unless that one is newer (realtime got there first).
 */
export function withAnswer(stored: EventRecord[], answer: EventRecord[]): EventRecord[] {
  if (answer.length === 0) return stored;
  const byId = new Map(stored.map((event) => [event.id, event]));
  for (const event of answer) {
    const held = byId.get(event.id);
    if (!held || held.updated <= event.updated) byId.set(event.id, event);
  }
  return [...byId.values()].sort((a, b) => (a.starts < b.starts ? -1 : a.starts > b.starts ? 1 : a.id < b.id ? -1 : 1));
}
