// Hosts' event management: read every event (drafts too), save, publish, cancel, see who
// registered and download them as CSV. Online only: these are deliberate desk tasks and
// the server decides what a change does to registrations and passes.
import { ClientResponseError } from 'pocketbase';
import { pb, failureReason, type FailureReason } from '$lib/pocketbase/client';
import type { EventRecord, EventStatus, NoticeRecord, RegistrationRecord, SpaceRecord, UserRecord } from '$lib/pocketbase/types';
import { problemFromServer, type EventFields, type EventProblem } from '$lib/host/event-form';

export type HostEvent = EventRecord & { expand?: { space?: SpaceRecord } };
export type Participant = RegistrationRecord & { expand?: { user?: Pick<UserRecord, 'id' | 'name' | 'email'> } };

export type HostResult<T> = { ok: true; value: T } | { ok: false; reason: FailureReason; problem?: EventProblem };

function failure(error: unknown): { ok: false; reason: FailureReason; problem?: EventProblem } {
  const reason = failureReason(error);
  if (reason === 'invalid' && error instanceof ClientResponseError) {
    return { ok: false, reason, problem: problemFromServer(error.response?.data ?? {}) };
  }
  return { ok: false, reason };
}

export async function listHostEvents(): Promise<HostResult<HostEvent[]>> {
  try {
    const value = await pb.collection('events').getFullList<HostEvent>({ sort: 'starts', expand: 'space', batch: 500 });
    return { ok: true, value };
  } catch (error) {
    return failure(error);
  }
}

/** A notice the server gave up on (DESIGN "Notices"), with the person and event it was for. */
export type FailedNotice = NoticeRecord & { expand?: { user?: UserRecord; event?: EventRecord } };

/** The newest notices that could not be sent (at most 20) and how many there are in all. */
export async function listFailedNotices(): Promise<HostResult<{ total: number; items: FailedNotice[] }>> {
  try {
    const page = await pb
      .collection('notices')
      .getList<FailedNotice>(1, 20, { filter: 'status = "failed"', sort: '-updated', expand: 'user,event' });
    return { ok: true, value: { total: page.totalItems, items: page.items } };
  } catch (error) {
    return failure(error);
  }
}

export async function loadHostEvent(id: string): Promise<HostResult<HostEvent>> {
  try {
    return { ok: true, value: await pb.collection('events').getOne<HostEvent>(id, { expand: 'space' }) };
  } catch (error) {
    return failure(error);
  }
}

export async function listSpaces(): Promise<HostResult<SpaceRecord[]>> {
  try {
    return { ok: true, value: await pb.collection('spaces').getFullList({ sort: 'name' }) };
  } catch (error) {
    return failure(error);
  }
}

/** Creates (as a draft) or updates an event; the server checks it again. */
export async function saveEvent(id: string | null, fields: EventFields): Promise<HostResult<HostEvent>> {
  try {
    const value = id
      ? await pb.collection('events').update<HostEvent>(id, fields, { expand: 'space' })
      : await pb.collection('events').create<HostEvent>({ ...fields, status: 'draft' }, { expand: 'space' });
    return { ok: true, value };
  } catch (error) {
    return failure(error);
  }
}

/** Publishing or cancelling; a cancellation revokes every pass to the event (server side). */
export async function setEventStatus(id: string, status: EventStatus): Promise<HostResult<HostEvent>> {
  try {
    return { ok: true, value: await pb.collection('events').update<HostEvent>(id, { status }, { expand: 'space' }) };
  } catch (error) {
    return failure(error);
  }
}

/** Everyone registered: confirmed first, then the waitlist in the server's order, then cancelled. */
export async function loadParticipants(eventId: string): Promise<HostResult<Participant[]>> {
  const rank = { confirmed: 0, waitlisted: 1, cancelled: 2 } as const;
  try {
    const list = await pb.collection('registrations').getFullList<Participant>({
      filter: pb.filter('event = {:event}', { event: eventId }),
      sort: 'position,created',
      expand: 'user',
      fields: 'id,event,user,status,position,created,updated,expand.user.id,expand.user.name,expand.user.email',
    });
    return { ok: true, value: list.sort((a, b) => rank[a.status] - rank[b.status]) };
  } catch (error) {
    return failure(error);
  }
}

/** A confirmed person on a name badge. */
export interface BadgePerson {
  id: string;
  name: string;
  company: string;
}

/** The confirmed people of an event, in the order they came, with their company's name (badges). */
export async function loadBadgePeople(eventId: string): Promise<HostResult<BadgePerson[]>> {
  try {
    const list = await pb
      .collection('registrations')
      .getFullList<RegistrationRecord & { expand?: { user?: { name: string; expand?: { company?: { name: string } } } } }>({
        filter: pb.filter("event = {:event} && status = 'confirmed'", { event: eventId }),
        sort: 'position,created',
        expand: 'user,user.company',
        fields: 'id,expand.user.name,expand.user.expand.company.name',
      });
    return {
      ok: true,
      value: list.map((r) => ({ id: r.id, name: r.expand?.user?.name ?? '', company: r.expand?.user?.expand?.company?.name ?? '' })),
    };
  } catch (error) {
    return failure(error);
  }
}

/** Fetches the participants CSV with the host's token (a plain link cannot carry it) and saves it. */
export async function downloadParticipantsCsv(eventId: string, lang: 'sv' | 'en'): Promise<HostResult<string>> {
  try {
    const path = `/api/coffice/events/${encodeURIComponent(eventId)}/participants.csv?lang=${lang}`;
    const response = await fetch(pb.buildURL(path), {
      headers: { Authorization: pb.authStore.token },
    });
    if (!response.ok) {
      return failure(new ClientResponseError({ status: response.status, response: await response.json().catch(() => ({})) }));
    }
    const disposition = response.headers.get('content-disposition') ?? '';
    const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'participants.csv';
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return { ok: true, value: fileName };
  } catch (error) {
    return failure(error);
  }
}

/** Why the server refused a host's message, in codes the screen words (POST /api/coffice/events/{id}/message answers 400 with them). */
export type MessageProblem = { code: 'empty' | 'too_long' } | { code: 'server'; serverCode: string; message: string };

// the route's field codes (pb_hooks/notices.pb.js), and PocketBase's own for the same faults
const MESSAGE_CODES: Record<string, 'empty' | 'too_long'> = {
  message_empty: 'empty',
  validation_required: 'empty',
  message_too_long: 'too_long',
  validation_max_text_constraint: 'too_long',
};

/** The server's 400 answer as a problem; a code the app does not know keeps the server's own words. */
export function messageProblem(answer: { message?: string; data?: Record<string, unknown> } = {}): MessageProblem {
  const fields = Object.values(answer.data ?? {}) as { code?: unknown; message?: unknown }[];
  const field = fields.find((f) => typeof f?.code === 'string' && f.code !== '');
  const code = (field?.code as string | undefined) ?? (typeof answer.data?.code === 'string' ? answer.data.code : '');
  if (Object.prototype.hasOwnProperty.call(MESSAGE_CODES, code)) return { code: MESSAGE_CODES[code] };
  const message = typeof field?.message === 'string' ? field.message : (answer.message ?? '');
  return { code: 'server', serverCode: code || 'invalid', message };
}

export type MessageResult = { ok: true; value: number } | { ok: false; reason: FailureReason; problem?: MessageProblem };

/** A host's short message to everyone registered or waitlisted: mailed to each and shown on the event page; answers how many get it. */
export async function messageRegistered(eventId: string, text: string): Promise<MessageResult> {
  if (text.trim() === '') return { ok: false, reason: 'invalid', problem: { code: 'empty' } };
  try {
    const path = `/api/coffice/events/${encodeURIComponent(eventId)}/message`;
    const answer = await pb.send<{ sent: number }>(path, { method: 'POST', body: { text: text.trim() } });
    return { ok: true, value: answer.sent };
  } catch (error) {
    const reason = failureReason(error);
    if (reason === 'invalid' && error instanceof ClientResponseError) return { ok: false, reason, problem: messageProblem(error.response) };
    return { ok: false, reason };
  }
}
