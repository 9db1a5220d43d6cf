// A member checks themselves in by scanning the door poster and typing the door code of the
// day shown at the entrance; the host's poster and that day's code.
import { ClientResponseError } from 'pocketbase';
import { pb, failureReason, type FailureReason } from '$lib/pocketbase/client';
import type { Verdict } from '$lib/pocketbase/types';

/** What the server refuses (pb_hooks/lib/door-self.js sends these codes). */
export const SELF_CHECKIN_CODES = ['door_not_poster', 'door_old_poster', 'day_code_missing', 'day_code_wrong', 'no_member_pass'] as const;
export type SelfCheckinCode = (typeof SELF_CHECKIN_CODES)[number];
export type SelfCheckinReason = FailureReason | SelfCheckinCode;

export type SelfCheckinResult = { ok: true; verdict: Verdict; direction: 'in' | 'out' } | { ok: false; reason: SelfCheckinReason };

export function selfCheckinReason(error: unknown): SelfCheckinReason {
  if (error instanceof ClientResponseError && error.status === 400) {
    const fields = Object.values((error.response?.data ?? {}) as Record<string, { code?: string } | undefined>);
    const known = SELF_CHECKIN_CODES.find((code) => fields.some((field) => field?.code === code));
    if (known) return known;
  }
  return failureReason(error);
}

export async function checkInMyself(posterCode: string, dayCode: string): Promise<SelfCheckinResult> {
  try {
    const answer = await pb.send<{ verdict: Verdict; direction: 'in' | 'out' }>('/api/coffice/self-checkin', {
      method: 'POST',
      body: { door: posterCode, day_code: dayCode },
    });
    return { ok: true, ...answer };
  } catch (error) {
    return { ok: false, reason: selfCheckinReason(error) };
  }
}

/** The printed poster's code and link, and the door code of the venue day `day` with the link that carries it. */
export type Poster = { code: string; url: string; day: string; day_code: string; day_url: string };

export async function doorPoster(rotate = false): Promise<Poster | null> {
  try {
    return await pb.send<Poster>(rotate ? '/api/coffice/door-poster/rotate' : '/api/coffice/door-poster', {
      method: rotate ? 'POST' : 'GET',
      requestKey: null,
    });
  } catch {
    return null;
  }
}

/** "482913" as a screen shows it, "482 913": easier to read at a distance and to type. */
export const spacedDayCode = (code: string) => code.replace(/^(\d{3})(\d{3})$/, '$1 $2');
