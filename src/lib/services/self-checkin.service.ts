// A member checks themselves in by scanning the door poster, and the host's poster itself.
import { pb, failureReason, type FailureReason } from '$lib/pocketbase/client';
import { ClientResponseError } from 'pocketbase';
import type { Verdict } from '$lib/pocketbase/types';

export type SelfCheckinResult =
  | { ok: true; verdict: Verdict; direction: 'in' | 'out' }
  | { ok: false; reason: FailureReason; message: string };

export async function checkInMyself(posterCode: string): Promise<SelfCheckinResult> {
  try {
    const answer = await pb.send<{ verdict: Verdict; direction: 'in' | 'out' }>('/api/coffice/self-checkin', {
      method: 'POST',
      body: { door: posterCode },
    });
    return { ok: true, ...answer };
  } catch (error) {
    return { ok: false, reason: failureReason(error), message: error instanceof ClientResponseError ? error.message : '' };
  }
}

export type Poster = { code: string; url: string };

export async function doorPoster(rotate = false): Promise<Poster | null> {
  try {
    return await pb.send<Poster>(rotate ? '/api/coffice/door-poster/rotate' : '/api/coffice/door-poster', {
      method: rotate ? 'POST' : 'GET',
    });
  } catch {
    return null;
  }
}
