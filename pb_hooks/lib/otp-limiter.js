// Wrong one-time codes, counted per account from any address. PocketBase's own limit is
// keyed by account *and* address and never ends a code, so twenty addresses could try a
// hundred codes; here the fifth wrong try, from wherever, burns every open code of the
// account, and a person asks for a new one (docs/DECISIONS.md, Rate limits).
const TRIES = 5;
const WINDOW_SECONDS = 10 * 60; // a code's lifetime (users.otp.duration)
const MAILS = 5; // codes mailed per account per hour
const MAIL_WINDOW_SECONDS = 60 * 60;
const PREFIX = "coffice:otp:";

const BURNED_MESSAGE = "This code was tried wrongly too many times and no longer works. Ask for a new code.";
const MAILS_MESSAGE =
  "Many codes were sent to this address in the last hour. Use the newest one, sign in with your password, or try again later.";

const { recent, forgetStale } = require(`${__hooks}/lib/sliding-window.js`);

function accountOf(otp) {
  return otp.collectionRef() + ":" + otp.recordRef();
}

function isBurned(otpId) {
  const at = $app.store().get(PREFIX + "burned:" + otpId);
  return !!at && Date.now() / 1000 - at < WINDOW_SECONDS;
}

/** Holds one try at the account's codes, atomically; 0 when they have had their tries. */
function reserve(otp) {
  const now = Date.now() / 1000;
  let stamp = 0;
  $app.store().setFunc(PREFIX + "tries:" + accountOf(otp), (old) => {
    const list = recent(old, now, WINDOW_SECONDS);
    if (list.length < TRIES) {
      stamp = now;
      list.push(now);
    }
    return JSON.stringify(list);
  });
  return stamp;
}

/** The code was right: its try does not count. */
function release(otp, stamp) {
  $app.store().setFunc(PREFIX + "tries:" + accountOf(otp), (old) => {
    const list = recent(old, Date.now() / 1000, WINDOW_SECONDS);
    const at = list.indexOf(stamp);
    if (at >= 0) list.splice(at, 1);
    return JSON.stringify(list);
  });
}

/** The code was wrong; at the fifth wrong try every open code of the account is deleted. */
function recordWrong(app, otp, stamp) {
  const key = PREFIX + "wrong:" + accountOf(otp);
  let wrong = 0;
  $app.store().setFunc(key, (old) => {
    const list = recent(old, Date.now() / 1000, WINDOW_SECONDS);
    list.push(stamp);
    wrong = list.length;
    return JSON.stringify(list);
  });
  if (wrong >= TRIES) burn(app, otp);
}

function burn(app, otp) {
  const now = Date.now() / 1000;
  let person;
  try {
    person = app.findRecordById(otp.collectionRef(), otp.recordRef());
  } catch (_) {
    return; // the account is gone, and its codes with it
  }
  app.findAllOTPsByRecord(person).forEach((open) => $app.store().set(PREFIX + "burned:" + open.id, now));
  $app.store().set(PREFIX + "burned:" + otp.id, now);
  app.deleteAllOTPsByRecord(person);
  // a code asked for from now on has its own five tries
  $app.store().remove(PREFIX + "tries:" + accountOf(otp));
  $app.store().remove(PREFIX + "wrong:" + accountOf(otp));
}

/** Counts a code mailed to this account; false when it has had its codes for the hour. */
function mayMail(person) {
  const now = Date.now() / 1000;
  let allowed = false;
  $app.store().setFunc(PREFIX + "mails:" + person.collection().id + ":" + person.id, (old) => {
    const list = recent(old, now, MAIL_WINDOW_SECONDS);
    allowed = list.length < MAILS;
    if (allowed) list.push(now);
    return JSON.stringify(list);
  });
  return allowed;
}

/** Forgets counters whose window has passed (run from a cron, so memory does not grow). */
function forgetOld() {
  const now = Date.now() / 1000;
  forgetStale(PREFIX, (key, value) => {
    const window = key.indexOf(PREFIX + "mails:") === 0 ? MAIL_WINDOW_SECONDS : WINDOW_SECONDS;
    return key.indexOf(PREFIX + "burned:") === 0 ? now - value >= window : recent(value, now, window).length === 0;
  });
}

module.exports = {
  isBurned,
  reserve,
  release,
  recordWrong,
  mayMail,
  forgetOld,
  BURNED_MESSAGE,
  MAILS_MESSAGE,
};
