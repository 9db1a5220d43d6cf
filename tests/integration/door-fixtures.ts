// Arranging door situations against a real PocketBase (shared by the door-*.spec.ts files):
// people with passes, calls to the door routes that return the status and message instead
// of throwing, and device-made ids.
import { randomInt } from 'node:crypto';
import type { PassRecord, TypedPocketBase } from '../../src/lib/pocketbase/types';
import { dayEnd, dayOf, dayStart, toStored } from '../../src/lib/time/venue-clock';
import { createEvent, type TestServer } from '../helpers/server';

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  message: string;
  /** a refusal's field errors, e.g. {day_code: {code: 'day_code_wrong', message}} */
  data: Record<string, { code: string; message: string }>;
}

/** Calls a door route; a refusal comes back as its status, message and field errors. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the routes' answers, read loosely by the specs
export async function call<T = Record<string, any>>(
  pb: TypedPocketBase,
  path: string,
  method = 'POST',
  body?: unknown,
  signal?: AbortSignal,
): Promise<Answer<T>> {
  return pb
    .send<T>(path, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: { 'Content-Type': 'application/json' },
      requestKey: null,
      signal,
    })
    .then(
      (answer) => ({ status: 200, body: answer, message: '', data: {} }),
      (error: { status: number; response?: { message?: string; data?: Answer['data'] } }) => ({
        status: error.status,
        body: {} as T,
        message: error.response?.message ?? '',
        data: error.response?.data ?? {},
      }),
    );
}

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** A check-in id as a door device makes it (15 characters, like PocketBase's). */
export const newId = () => Array.from({ length: 15 }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join('');

/** Someone with a confirmed registration for the event, and the code of their event pass. */
export async function eventGuest(server: TestServer, eventId: string, name?: string) {
  const { user } = await server.person('guest', name);
  const registration = await server.admin.collection('registrations').create({ event: eventId, user: user.id });
  const pass = await server.admin.collection('passes').getFirstListItem<PassRecord>(`registration = "${registration.id}"`);
  return { user, registration, pass, code: pass.code };
}

/** A member and the code of their member pass. */
export async function member(server: TestServer, name?: string) {
  const { pb, user } = await server.person('member', name);
  const pass = await server.admin.collection('passes').getFirstListItem<PassRecord>(`holder = "${user.id}" && kind = "member"`);
  return { pb, user, pass, code: pass.code };
}

/** A published event whose door is open now (it started 10 minutes ago). */
export const openEvent = (server: TestServer, fields: Record<string, unknown> = {}) =>
  createEvent(server.admin, { starts: toStored(Date.now() - 10 * 60_000), ends: toStored(Date.now() + 80 * 60_000), ...fields });

/** A well-formed pass code nobody has. */
export const strayCode = () => 'CF1:' + Array.from({ length: 26 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[randomInt(32)]).join('');

/** How long ago the venue's day began. */
export function sinceVenueMidnight(now = Date.now()): number {
  return now - dayStart(dayOf(now));
}

/**
 * Waits, if need be, until the venue's clock is at least `before` ms short of midnight and
 * `after` ms past it. The door counts and judges repeats by the venue's day, so a test whose
 * requests straddle midnight would see two days (CI may run at any hour). Outside the
 * window it returns at once.
 */
export async function awayFromMidnight({ before = 30_000, after = 5_000 } = {}) {
  const now = Date.now();
  const sinceMidnight = sinceVenueMidnight(now);
  const untilMidnight = dayEnd(dayOf(now)) - now;
  const wait = sinceMidnight < after ? after - sinceMidnight : untilMidnight < before ? untilMidnight + after : 0;
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait)); // a clock, not a condition: the day must turn
}
