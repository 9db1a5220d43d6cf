// The door's settings record (collection door_settings, operators only): the front-door
// poster's code for members' self check-in, and the closing time at which everyone still
// inside is checked out.
const clock = require(`${__hooks}/lib/door-clock.js`);
const scans = require(`${__hooks}/lib/door-scans.js`);

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const POSTER_CODE = /^[A-Z2-7]{26}$/;
// The poster's QR text is `<origin>/checkin/<code>`; members may also type just the code.
const POSTER_TEXT = /^(?:https?:\/\/[^\/\s]{1,253})?\/checkin\/([A-Z2-7]{26})\/?$/;
const CLOSING_TIME = /^([01][0-9]|2[0-3]):([0-5][0-9])$/;
const CLOSING_DEVICE = "closing-time";

function firstSettings(app) {
  const found = app.findRecordsByFilter("door_settings", "", "created", 1, 0);
  return found.length > 0 ? found[0] : null;
}

/** The one settings record, made on first use (in a transaction: never two of them). */
function settingsRecord(app) {
  let record = firstSettings(app);
  if (record) return record;
  app.runInTransaction((txApp) => {
    record = firstSettings(txApp);
    if (record) return;
    record = new Record(txApp.findCollectionByNameOrId("door_settings"));
    record.set("poster_code", $security.randomStringWithAlphabet(26, BASE32));
    record.set("closing_time", "");
    txApp.save(record);
  });
  return record;
}

function posterAnswer(record, origin) {
  const code = record.getString("poster_code");
  return { code: code, url: origin + "/checkin/" + code };
}

function poster(app, origin) {
  let answer;
  app.runInTransaction((txApp) => {
    answer = posterAnswer(settingsRecord(txApp), origin);
  });
  return answer;
}

function rotatePoster(app, origin) {
  let answer;
  app.runInTransaction((txApp) => {
    const record = settingsRecord(txApp);
    record.set("poster_code", $security.randomStringWithAlphabet(26, BASE32));
    txApp.save(record);
    answer = posterAnswer(record, origin);
  });
  return answer;
}

/** The poster code in a scanned poster text (or a typed code), or "" when it is neither. */
function posterCodeIn(text) {
  if (typeof text !== "string" || text.length > 300) return "";
  const trimmed = text.trim();
  if (POSTER_CODE.test(trimmed)) return trimmed;
  const match = POSTER_TEXT.exec(trimmed);
  return match ? match[1] : "";
}

function isCurrentPoster(app, code) {
  const current = settingsRecord(app).getString("poster_code");
  return !!code && $security.equal(code, current);
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
  let closed = 0;
  if (!CLOSING_TIME.test(closingTime(app))) return closed; // none set: no write every minute
  app.runInTransaction((txApp) => {
    const match = CLOSING_TIME.exec(closingTime(txApp));
    if (!match) return;
    const today = clock.venueDay(nowMs);
    [clock.addDays(today, -1), today].forEach((day) => {
      const closingMs = clock.venueInstant(day, Number(match[1]), Number(match[2]));
      if (closingMs > nowMs) return;
      // the whole venue day: someone scanned after closing (in or out) is left as they are
      const checkins = txApp.findRecordsByFilter(
        "checkins",
        "verdict = 'admitted' && event = '' && holder != '' && scanned_at >= {:from} && scanned_at < {:to}",
        "scanned_at,created",
        0,
        0,
        { from: clock.stored(clock.dayStart(day)), to: clock.stored(clock.dayStart(clock.addDays(day, 1))) },
      );
      const last = {};
      checkins.forEach((c) => (last[c.getString("holder")] = c));
      Object.keys(last).forEach((holder) => {
        const c = last[holder];
        if (c.getString("direction") !== "in" || clock.parseTime(c.getString("scanned_at")) >= closingMs) return;
        scans.storeFact(txApp, {
          pass: scans.findOrNull(txApp, "passes", c.getString("pass")),
          holder: holder,
          event: "",
          direction: "out",
          source: "manual",
          verdict: "admitted",
          atMs: closingMs,
          device: CLOSING_DEVICE,
        });
        closed++;
      });
    });
  });
  return closed;
}

module.exports = { poster, rotatePoster, posterCodeIn, isCurrentPoster, closingTime, setClosingTime, closeTheDay, CLOSING_TIME };
