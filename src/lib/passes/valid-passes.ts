// Which of my passes count as valid to show: a member pass, or the pass of a confirmed
// registration to an event that is neither cancelled nor over. The door still decides;
// this only keeps the screen honest.
import type { LocalRegistration } from '$lib/offline/db';
import type { EventRecord, HeldPass } from '$lib/pocketbase/types';
import { fromStored } from '$lib/time/venue-clock';

export interface ShownPass {
  pass: HeldPass;
  event?: EventRecord;
}

export function validPasses(passes: HeldPass[], registrations: LocalRegistration[], events: EventRecord[], now: Date): ShownPass[] {
  const registrationById = new Map(registrations.map((r) => [r.id, r]));
  const eventById = new Map(events.map((e) => [e.id, e]));
  const shown: ShownPass[] = [];
  for (const pass of passes) {
    if (pass.revoked) continue;
    if (pass.kind === 'member') {
      shown.push({ pass });
      continue;
    }
    const registration = registrationById.get(pass.registration);
    const event = registration && eventById.get(registration.event);
    if (!registration || registration.status !== 'confirmed' || registration.pendingChange === 'cancel') continue;
    if (!event || event.status !== 'published' || fromStored(event.ends).getTime() < now.getTime()) continue;
    shown.push({ pass, event });
  }
  // the member pass first, then events soonest first
  return shown.sort((a, b) => (a.event?.starts ?? '').localeCompare(b.event?.starts ?? ''));
}
