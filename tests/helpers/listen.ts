// A phone's open app in an integration test: a realtime subscriber (scripts/lib/realtime-subscriber.mjs)
// that keeps every message and lets the test wait for the one it expects.
import { subscribe } from '../../scripts/lib/realtime-subscriber.mjs';

export interface Heard<T> {
  /** every message's data, in the order it arrived */
  seen: T[];
  /** resolves once a message makes `found` true (the test's timeout ends a wait that never does) */
  until(found: (seen: T[]) => boolean): Promise<void>;
  close(): void;
}

export async function listen<T>(url: string, options: { token: string; topics: string[] }): Promise<Heard<T>> {
  const seen: T[] = [];
  let heard = () => {};
  const phone = await subscribe(url, {
    ...options,
    onMessage: (_topic: string, data: T) => {
      seen.push(data);
      heard();
    },
  });
  return {
    seen,
    async until(found) {
      while (!found(seen)) await new Promise<void>((resolve) => (heard = resolve));
    },
    close: () => phone.close(),
  };
}
