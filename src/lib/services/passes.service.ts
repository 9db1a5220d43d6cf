// Actions on my passes that need the server: reissuing a code (never offline — the old
// code must stop working, and only the server can say so).
import { offline } from '$lib/offline';
import { pb, failureReason, type FailureReason } from '$lib/pocketbase/client';
import type { HeldPass } from '$lib/pocketbase/types';

export type ReissueResult = { ok: true; pass: HeldPass } | { ok: false; reason: FailureReason };

export async function reissuePass(id: string): Promise<ReissueResult> {
  try {
    const pass = await pb.send<HeldPass>(`/api/coffice/passes/${encodeURIComponent(id)}/reissue`, { method: 'POST' });
    const runtime = await offline();
    await runtime.db.put('passes', pass);
    runtime.localChanged();
    return { ok: true, pass };
  } catch (error) {
    return { ok: false, reason: failureReason(error) };
  }
}
