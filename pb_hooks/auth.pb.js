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

// PocketBase checks a code before any record hook runs, so the count sits in front of the
// route. Only a request naming an open code is counted; anything else is PocketBase's to refuse.
routerUse((e) => {
  if (e.request.method !== "POST" || !/^\/api\/collections\/[^/]+\/auth-with-otp$/.test(e.request.url.path)) {
    return e.next();
  }
  const limiter = require(`${__hooks}/lib/otp-limiter.js`);
  // not http.bodyOf: a body PocketBase cannot read fails here with its own 400, before any code is counted
  const body = e.requestInfo().body;
  const otpId = typeof body.otpId === "string" ? body.otpId : "";
  if (otpId && limiter.isBurned(otpId)) throw new TooManyRequestsError(limiter.BURNED_MESSAGE);
  let otp;
  try {
    otp = otpId ? e.app.findOTPById(otpId) : null;
  } catch (_) {
    otp = null;
  }
  if (!otp) return e.next();
  const stamp = limiter.reserve(otp);
  if (!stamp) throw new TooManyRequestsError(limiter.BURNED_MESSAGE);
  // burned by a parallel try between the look-up and the reservation (which a burn resets)
  if (limiter.isBurned(otpId)) {
    limiter.release(otp, stamp);
    throw new TooManyRequestsError(limiter.BURNED_MESSAGE);
  }
  try {
    e.next();
  } catch (err) {
    limiter.recordWrong(e.app, otp, stamp);
    throw err;
  }
  limiter.release(otp, stamp);
});

cronAdd("coffice-forget-failed-sign-ins", "*/15 * * * *", () => {
  require(`${__hooks}/lib/auth-limiter.js`).forgetOld();
  require(`${__hooks}/lib/otp-limiter.js`).forgetOld();
  require(`${__hooks}/lib/sign-up.js`).forgetOld();
  require(`${__hooks}/lib/door-self.js`).forgetOldTries();
  require(`${__hooks}/lib/otp-mail.js`).forgetOld();
});
