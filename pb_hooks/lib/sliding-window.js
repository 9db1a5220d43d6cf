// Recent moments (sign-in failures, wrong codes, mails, check-in tries) kept in the app's
// in-memory store as a JSON list of times per key; the limiters count what is left in their
// window and a cron forgets the keys with nothing left (so memory does not grow).

/** The times of `raw` (a stored JSON list, or nothing) within `windowLength` of `now`. */
function recent(raw, now, windowLength) {
  const list = raw ? JSON.parse(raw) : [];
  return list.filter((t) => now - t < windowLength);
}

/** Removes every key under `prefix` whose stored value `isStale(key, value)` says is spent. */
function forgetStale(prefix, isStale) {
  const all = $app.store().getAll();
  Object.keys(all).forEach((key) => {
    if (key.indexOf(prefix) === 0 && isStale(key, all[key])) $app.store().remove(key);
  });
}

module.exports = { recent, forgetStale };
