// The door's settings record (collection door_settings, operators only): the front-door
// poster's code for members' self check-in with the secret behind the door code of the day,
// and the closing time at which everyone still inside is checked out.
const clock = require(`${__hooks}/lib/vendor/venue-clock.js`);
const scans = require(`${__hooks}/lib/door-scans.js`);

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const POSTER_CODE = /^[A-Z2-7]{26}$/;
// The poster's QR text is `<origin>/checkin/<code>`; members may also type just the code.
// The door screen's link adds the day's code: `<origin>/checkin/<code>?day=<6 digits>`.
const POSTER_TEXT = /^(?:https?:\/\/[^/\s]{1,253})?\/checkin\/([A-Z2-7]{26})\/?(?:\?day=(\d{6}))?$/;
const CLOSING_TIME = /^([01][0-9]|2[0-3]):([0-5][0-9])$/;
const CLOSING_DEVICE = "closing-time";

function firstSettings(app) {
  const found = app.findRecordsByFilter("door_settings", "", "created", 1, 0);
  return found.length > 0 ? found[0] : null;
}

/** The one settings record, made on first use (in a transaction: never two of them). */
function settingsRecord(app) {
  let record = firstSettings(app);
  if (record && record.getString("day_secret")) return record;
  app.runInTransaction((txApp) => {
    record = firstSettings(txApp);
    if (record && record.getString("day_secret")) return;
    if (!record) {
      record = new Record(txApp.findCollectionByNameOrId("door_settings"));
      record.set("poster_code", $security.randomStringWithAlphabet(26, BASE32));
      record.set("closing_time", "");
    }
    record.set("day_secret", $security.randomString(40));
    txApp.save(record);
  });
  return record;
}

/**
 * The door code of a venue day (YYYY-MM-DD): six digits from HMAC-SHA256 under the secret of
 * "coffice-door-day:<poster code>:<day>" (its first 48 bits modulo a million), so it changes
 * with the day and with a new poster, and nobody can work it out without the secret.
 */
function dayCodeOf(record, day) {
  const hex = $security.hs256("coffice-door-day:" + record.getString("poster_code") + ":" + day, record.getString("day_secret"));
  return ("00000" + (parseInt(hex.slice(0, 12), 16) % 1000000)).slice(-6);
}

function posterAnswer(record, origin, nowMs) {
  const code = record.getString("poster_code");
  const day = clock.dayOf(nowMs);
  const dayCode = dayCodeOf(record, day);
  const url = origin + "/checkin/" + code;
  return { code: code, url: url, day: day, day_code: dayCode, day_url: url + "?day=" + dayCode };
}

function poster(app, origin, nowMs) {
  let answer;
  app.runInTransaction((txApp) => {
    answer = posterAnswer(settingsRecord(txApp), origin, nowMs);
  });
  return answer;
}

function rotatePoster(app, origin, nowMs) {
  let answer;
  app.runInTransaction((txApp) => {
    const record = settingsRecord(txApp);
    record.set("poster_code", $security.randomStringWithAlphabet(26, BASE32));
    txApp.save(record);
    answer = posterAnswer(record, origin, nowMs);
  });
  return answer;
}

/**
 * What a scanned poster text (or a typed code) says: {code, dayCode} (dayCode "" unless the
 * text is the door screen's link), or null when it is no poster.
 */
function posterIn(text) {
  if (typeof text !== "string" || text.length > 300) return null;
  const trimmed = text.trim();
  if (POSTER_CODE.test(trimmed)) return { code: trimmed, dayCode: "" };
  const match = POSTER_TEXT.exec(trimmed);
  return match ? { code: match[1], dayCode: match[2] || "" } : null;
}

function isCurrentPoster(app, code) {
  const current = settingsRecord(app).getString("poster_code");
  return !!code && $security.equal(code, current);
}

/** Whether `dayCode` is the door code of the venue day of `nowMs` (yesterday's is not). */
function isTodaysCode(app, dayCode, nowMs) {
  return !!dayCode && $security.equal(dayCode, dayCodeOf(settingsRecord(app), clock.dayOf(nowMs)));
}

function closingTime(app) {
  return settingsRecord(app).getString("closing_time");
}

function setClosingTime(app, value) {
  app.runInTransaction((txApp) => {
    const record = settingsRecord(txApp);
    record.set("closing_time", value);
    txApp.save(record);
  });
}

/**
 * Checks out, at the closing time of today and yesterday (if that time has come), everyone
 * whose last front-door scan of that day was an admitted `in` before closing (a scan at the
 * closing instant or later is after closing: left alone, and never tied with the check-out): a check-out with source
 * "manual" from device "closing-time". Idempotent (after it, their last scan is `out`), so
 * a minute missed while the server was down is made up on the next run.
 */
function closeTheDay(app, nowMs) {
  const checkouts = [];
  if (!CLOSING_TIME.test(closingTime(app))) return 0; // none set: no write every minute
  app.runInTransaction((txApp) => {
    const match = CLOSING_TIME.exec(closingTime(txApp));
    if (!match) return;
    const today = clock.dayOf(nowMs);
    [clock.shiftDay(today, -1), today].forEach((day) => {
      const closingMs = clock.venueInstant(day, Number(match[1]), Number(match[2]));
      if (closingMs > nowMs) return;
      // the whole venue day: someone scanned after closing (in or out) is left as they are
      const checkins = txApp.findRecordsByFilter(
        "checkins",
        "verdict = 'admitted' && event = '' && holder != '' && scanned_at >= {:from} && scanned_at < {:to}",
        "scanned_at,created",
        0,
        0,
        { from: clock.toStored(clock.dayStart(day)), to: clock.toStored(clock.dayEnd(day)) },
      );
      const last = {};
      checkins.forEach((c) => (last[c.getString("holder")] = c));
      Object.keys(last).forEach((holder) => {
        const c = last[holder];
        if (c.getString("direction") !== "in" || clock.parseInstant(c.getString("scanned_at")) >= closingMs) return;
        checkouts.push(
          scans.storeFact(txApp, {
            pass: scans.findOrNull(txApp, "passes", c.getString("pass")),
            holder: holder,
            event: "",
            direction: "out",
            source: "manual",
            verdict: "admitted",
            atMs: closingMs,
            device: CLOSING_DEVICE,
          }),
        );
      });
    });
  });
  require(`${__hooks}/lib/community.js`).signalCheckins(app, checkouts);
  return checkouts.length;
}

module.exports = { poster, rotatePoster, posterIn, isCurrentPoster, isTodaysCode, closingTime, setClosingTime, closeTheDay, CLOSING_TIME };
