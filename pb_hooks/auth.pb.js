/// <reference path="../pb_data/types.d.ts" />
// Guessing stops without anyone being able to lock anyone else out: failed password
// sign-ins are limited per account and address (pb_hooks/lib/auth-limiter.js), one-time
// codes per account from any address (pb_hooks/lib/otp-limiter.js). Superusers' own sign-in
// goes through the same limits: no hook here is bound to one collection.
onRecordAuthWithPasswordRequest((e) => {
  const limiter = require(`${__hooks}/lib/auth-limiter.js`);
  const account = e.record
    ? e.collection.id + ":" + e.record.id
    : "?" +
      String(e.identity || "")
        .trim()
        .toLowerCase();
  const keys = limiter.keysFor(account, e.realIP());
  const stamp = limiter.reserve(keys);
  if (!stamp) {
    throw new TooManyRequestsError(
      "Too many failed sign-ins for this account from here. Wait 15 minutes, or sign in with a code by email.",
    );
  }
  try {
    e.next();
  } catch (err) {
    limiter.recordFailure(keys, stamp);
    throw err;
  }
  limiter.release(keys, stamp);
});

// The one-time codes' tries are counted in front of the route: pb_hooks/lib/front.js.

cronAdd("coffice-forget-failed-sign-ins", "*/15 * * * *", () => {
  require(`${__hooks}/lib/auth-limiter.js`).forgetOld();
  require(`${__hooks}/lib/otp-limiter.js`).forgetOld();
  require(`${__hooks}/lib/sign-up.js`).forgetOld();
  require(`${__hooks}/lib/door-self.js`).forgetOldTries();
  require(`${__hooks}/lib/otp-mail.js`).forgetOld();
});
