/// <reference path="../pb_data/types.d.ts" />
// Failed password sign-ins are limited per account and per client address, on top of
// the rate limiter's per-address limit, so guessing stops while a full room behind one
// NAT address can still sign in.
onRecordAuthWithPasswordRequest((e) => {
  const limiter = require(`${__hooks}/lib/auth-limiter.js`);
  const keys = limiter.keysFor(e.identity, e.realIP());
  if (limiter.isBlocked(keys)) {
    throw new TooManyRequestsError("Too many failed sign-ins. Wait a few minutes and try again.");
  }
  try {
    e.next();
  } catch (err) {
    limiter.recordFailure(keys);
    throw err;
  }
});
