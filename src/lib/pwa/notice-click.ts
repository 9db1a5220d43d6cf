// What a tap on a notice opens (the service worker's notificationclick): the notice's path on
// this site — never another site, whatever the payload says — in a window of the app that is
// already open on it, else in any open window of the app, else in a new one.

/** The notice's `url` as a path on this origin; `/` for anything else. */
export function noticeTarget(url: unknown, origin: string): string {
  if (typeof url !== 'string' || !url) return '/';
  try {
    const target = new URL(url, origin);
    if (target.origin !== origin) return '/';
    return target.pathname + target.search + target.hash;
  } catch {
    return '/';
  }
}

export interface WindowLike {
  url: string;
}

/**
 * Which open window to use: one already on the target (just focus it), else the first one of
 * the app (navigate it there), else none (open a new window).
 */
export function chooseWindow<W extends WindowLike>(
  windows: readonly W[],
  target: string,
  origin: string,
): { window: W; navigate: boolean } | null {
  const ours = windows.filter((w) => {
    try {
      return new URL(w.url).origin === origin;
    } catch {
      return false;
    }
  });
  const exact = ours.find((w) => {
    const url = new URL(w.url);
    return url.pathname + url.search + url.hash === target || url.pathname === target;
  });
  if (exact) return { window: exact, navigate: false };
  if (ours.length > 0) return { window: ours[0], navigate: true };
  return null;
}
