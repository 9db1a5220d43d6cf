// Work the first paint must not wait behind (storing a programme fetched from the server)
// runs in the browser's idle slices: small pieces, each ending when its slice does.
// Browsers without requestIdleCallback (Safari) get a macrotask with a fixed budget, so a
// tap or a frame can still come between two pieces.

export interface IdleSlice {
  /** milliseconds left in this slice */
  timeRemaining(): number;
}

/** Budget of a piece where the browser tells no idle time: about a frame's worth of work. */
const FALLBACK_MS = 8;
/** An idle slice is never waited for longer than this: a page that is never idle still stores. */
const LONGEST_WAIT_MS = 500;

export function idleSlice(): Promise<IdleSlice> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') {
      requestIdleCallback((deadline) => resolve(deadline.didTimeout ? fixedSlice() : deadline), { timeout: LONGEST_WAIT_MS });
    } else setTimeout(() => resolve(fixedSlice()), 0);
  });
}

function fixedSlice(): IdleSlice {
  const end = performance.now() + FALLBACK_MS;
  return { timeRemaining: () => Math.max(0, end - performance.now()) };
}

/** One piece of writing: what `put` is given goes in together (e.g. one IndexedDB transaction). */
export interface Piece<T> {
  put(item: T): void;
  done: Promise<void>;
}

/**
 * Writes every item, in as many idle slices as it takes: each slice opens a piece, puts
 * items while the slice lasts (at least one, so it always ends) and waits for the piece to
 * be done before asking for the next slice.
 */
export async function writeInIdleSlices<T>(items: readonly T[], open: () => Piece<T>): Promise<void> {
  for (let next = 0; next < items.length;) {
    const slice = await idleSlice();
    const piece = open();
    do piece.put(items[next++]);
    while (next < items.length && slice.timeRemaining() > 1);
    await piece.done;
  }
}
