// Failed password sign-ins, counted in the app's in-memory store over a sliding window, so
// that guessing stops while nobody can lock anyone else out (docs/DECISIONS.md, Rate limits).
//
// A try is refused when its account and address together have failed 5 times, or when they
// have failed at all and either the account (from any address) has failed 10 times or the
// address (for any account) 30 times. An account and address that have not failed are never
// refused: the right password from a clean address always works, and one person behind the
// venue's address cannot lock the room out.
const WINDOW_SECONDS = 15 * 60;
const LIMITS = { pair: 5, account: 10, address: 30 };
const PREFIX = "coffice:authfail:";

/** `account` is who is signing in (collection and record id, or the typed identity when unknown). */
function keysFor(account, address) {
  return {
    pair: PREFIX + "pair:" + account + "|" + address,
    account: PREFIX + "account:" + account,
    address: PREFIX + "address:" + address,
  };
}

const windows = require(`${__hooks}/lib/sliding-window.js`);

function recent(raw, now) {
  return windows.recent(raw, now, WINDOW_SECONDS);
}

function failures(key, now) {
  return recent($app.store().get(key), now).length;
}

/**
 * Holds one try for this account and address, atomically, so that parallel requests cannot
 * slip past the limit. Returns the try's stamp, or 0 when the try is refused.
 */
function reserve(keys) {
  const now = Date.now() / 1000;
  const accountFailures = failures(keys.account, now);
  const addressFailures = failures(keys.address, now);
  let stamp = 0;
  $app.store().setFunc(keys.pair, (old) => {
    const list = recent(old, now);
    const clean = list.length === 0;
    const allowed = list.length < LIMITS.pair && (clean || (accountFailures < LIMITS.account && addressFailures < LIMITS.address));
    if (allowed) {
      stamp = now;
      list.push(now);
    }
    return JSON.stringify(list);
  });
  return stamp;
}

function drop(key, stamp) {
  $app.store().setFunc(key, (old) => {
    const list = recent(old, Date.now() / 1000);
    const at = list.indexOf(stamp);
    if (at >= 0) list.splice(at, 1);
    return JSON.stringify(list);
  });
}

function add(key, stamp) {
  $app.store().setFunc(key, (old) => {
    const list = recent(old, Date.now() / 1000);
    list.push(stamp);
    return JSON.stringify(list);
  });
}

/** The try signed in: it was not a failure. */
function release(keys, stamp) {
  drop(keys.pair, stamp);
}

/** The try failed: it stays on the pair and counts for the account and the address. */
function recordFailure(keys, stamp) {
  add(keys.account, stamp);
  add(keys.address, stamp);
}

/** Forgets counters whose window has passed (run from a cron, so memory does not grow). */
function forgetOld() {
  const now = Date.now() / 1000;
  windows.forgetStale(PREFIX, (key, value) => recent(value, now).length === 0);
}

module.exports = { keysFor, reserve, release, recordFailure, forgetOld, LIMITS, WINDOW_SECONDS };
