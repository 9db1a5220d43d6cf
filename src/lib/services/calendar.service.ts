// The signed-in person's calendar feed: read its link (made on first use) or replace it.
// The secret lives only on the server (pb_hooks/calendar.pb.js).
import { pb, failureReason, type FailureReason } from '$lib/pocketbase/client';

export type FeedResult = { ok: true; webcal: string; https: string } | { ok: false; reason: FailureReason };

function links(path: string, origin: URL): { webcal: string; https: string } {
  const https = new URL(path, origin).toString();
  // webcal:// tells the phone to subscribe rather than download once
  return { webcal: https.replace(/^https?:/, 'webcal:'), https };
}

async function askServer(path: string, method: 'GET' | 'POST'): Promise<FeedResult> {
  try {
    const answer = await pb.send<{ path: string }>(path, { method, requestKey: null });
    return { ok: true, ...links(answer.path, new URL(location.origin)) };
  } catch (error) {
    return { ok: false, reason: failureReason(error) };
  }
}

export function loadCalendarFeed(): Promise<FeedResult> {
  return askServer('/api/coffice/calendar-feed', 'GET');
}

export function resetCalendarFeed(): Promise<FeedResult> {
  return askServer('/api/coffice/calendar-feed/reset', 'POST');
}
