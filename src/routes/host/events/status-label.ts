// Words for an event's status on the host screens.
import { m } from '$lib/i18n';
import type { EventStatus } from '$lib/pocketbase/types';

export function statusLabel(status: EventStatus): string {
  if (status === 'draft') return m.hostevents_status_draft();
  if (status === 'cancelled') return m.hostevents_status_cancelled();
  return m.hostevents_status_published();
}
