// Sliding-window counters of failed sign-ins kept in the app's in-memory store.
const WINDOW_SECONDS = 15 * 60;
const LIMITS = { account: 5, address: 30 };

function keysFor(identity, address) {
  return [
    { key: "coffice:authfail:account:" + String(identity || "").toLowerCase(), limit: LIMITS.account },
    { key: "coffice:authfail:address:" + String(address || ""), limit: LIMITS.address },
  ];
}

function recent(key) {
  const now = Date.now() / 1000;
  const raw = $app.store().get(key);
  const list = raw ? JSON.parse(raw) : [];
  return list.filter((t) => now - t < WINDOW_SECONDS);
}

function isBlocked(keys) {
  return keys.some((k) => recent(k.key).length >= k.limit);
}

function recordFailure(keys) {
  const now = Date.now() / 1000;
  keys.forEach((k) => {
    const list = recent(k.key);
    list.push(now);
    $app.store().set(k.key, JSON.stringify(list));
  });
}

module.exports = { keysFor, isBlocked, recordFailure };
