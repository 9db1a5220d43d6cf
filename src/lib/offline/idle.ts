// Work the first paint must not wait behind (storing a programme fetched from the server)
// runs in the browser's idle slices, in pieces of about a frame's worth of work. Browsers
// without requestIdleCallback (Safari) get a macrotask per piece, so a tap or a frame can
// still come between two pieces. A slice is never waited for longer than 0.5 s.

const PIECE_MS = 8;

const nextIdle = () =>
  new Promise((resolve) =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(resolve, { timeout: 500 }) : setTimeout(resolve),
  );

/** One piece of writing: what `put` is given goes in together (e.g. one IndexedDB transaction). */
export interface Piece<T> {
  put(item: T): void;
  done: Promise<unknown>;
}

/**
 * Writes every item, in as many idle slices as it takes: each slice opens a piece, puts
 * items for about 8 ms (at least one, so it always ends) and waits for the piece to be done
 * before asking for the next slice.
 */
export async function writeInIdleSlices<T>(items: readonly T[], open: () => Piece<T>): Promise<void> {
  for (let next = 0; next < items.length;) {
    await nextIdle();
    const end = performance.now() + PIECE_MS;
    const piece = open();
    do piece.put(items[next++]);
    while (next < items.length && performance.now() < end);
    await piece.done;
  }
}
