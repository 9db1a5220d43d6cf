// The only way into the outbox (like Workbox's `Queue.pushRequest`). Imported by the
// services that write, which load when someone writes: reading screens never fetch it.
import { offline } from './index';
import { addToOutbox, type LocalWrite, type OutboxOp } from './outbox';

export interface EnqueueOptions {
  /** tell the screens and start the upload after this long (the door: after the verdict is painted) */
  afterMs?: number;
}

/**
 * Writes the local change (`local`, in the stores it names) and the entry in one IndexedDB
 * transaction, then tells the screens and schedules the sync. Durable when it resolves.
 */
export async function enqueue(op: OutboxOp, local?: LocalWrite, options: EnqueueOptions = {}): Promise<void> {
  const runtime = await offline();
  await addToOutbox(runtime.db, op, local);
  const after = () => {
    runtime.localChanged();
    void runtime.engine.refreshCounts();
    void runtime.engine.sync();
  };
  if (options.afterMs === undefined) after();
  else setTimeout(after, options.afterMs);
}
