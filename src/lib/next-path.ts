// Where to go after signing in: only a path on this site ("/events/x", "/checkin/y"), never
// another origin ("//evil.example", "https://…", "/\evil") or a script URL.
export function safeNext(value: string | null | undefined): string | null {
  if (!value || value[0] !== '/' || value[1] === '/' || value[1] === '\\') return null;
  // control characters and backslashes could let a browser read it as another origin
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return /[\\\u0000-\u001f]/.test(value) ? null : value;
}

/** The sign-in screen, told to come back to `path` afterwards. */
export function signInHref(path: string): string {
  return `/me?next=${encodeURIComponent(path)}`;
}
