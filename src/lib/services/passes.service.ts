// Actions on my passes that need the server: reissuing a code (never offline — the old
// code must stop working, and only the server can say so). The new code is kept on the
// device even when a pull asked before the reissue answers after it (offline/merge.ts).
import { offline } from '$lib/offline';
import { localWrites, newer } from '$lib/offline/merge';
import { pb, failureReason, type FailureReason } from '$lib/pocketbase/client';
import type { HeldPass } from '$lib/pocketbase/types';

export type ReissueResult = { ok: true; pass: HeldPass } | { ok: false; reason: FailureReason };

export async function reissuePass(id: string): Promise<ReissueResult> {
  try {
    const pass = await pb.send<HeldPass>(`/api/coffice/passes/${encodeURIComponent(id)}/reissue`, { method: 'POST' });
    const runtime = await offline();
    localWrites.note('passes', pass.id);
    await runtime.db.put('passes', newer(await runtime.db.get('passes', pass.id), pass));
    runtime.localChanged();
    return { ok: true, pass };
  } catch (error) {
    return { ok: false, reason: failureReason(error) };
  }
}
