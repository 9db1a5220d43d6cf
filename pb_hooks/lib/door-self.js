// A member scans the front-door poster with their own phone: their member pass is scanned
// at the front door, recorded with source "self": in when outside, out when inside (their own
// check-out; a host's door never turns a repeat into an exit).
// The printed poster never changes, so a photo of it would work from anywhere: the door code
// of the day, shown on the door screen at the entrance, must come with it (docs/DOOR.md).
// Each refusal carries a field code the app turns into words (src/routes/checkin/[code]).
const settings = require(`${__hooks}/lib/door-settings.js`);
const scans = require(`${__hooks}/lib/door-scans.js`);

// Tries per member, right or wrong: far above checking in and out, far below guessing.
const TRIES = 10;
const WINDOW_MS = 10 * 60 * 1000;
const TRIES_PREFIX = "coffice:self-checkin:";
const windows = require(`${__hooks}/lib/sliding-window.js`);

function refuse(field, code, message) {
  return new BadRequestError(message, { [field]: new ValidationError(code, message) });
}

/**
 * Counts a try of this person's; when they already made TRIES in the window, refuses with a
 * 429 saying when to try again. The count lives in the app's memory (a restart forgets it);
 * setFunc updates it under the store's lock, so a burst of parallel tries counts exactly.
 */
function countTry(app, personId, nowMs) {
  let waitMs = 0;
  app.store().setFunc(TRIES_PREFIX + personId, (old) => {
    const tries = windows.recent(old, nowMs, WINDOW_MS);
    if (tries.length >= TRIES) waitMs = Math.min.apply(null, tries) + WINDOW_MS - nowMs;
    else tries.push(nowMs);
    return JSON.stringify(tries);
  });
  if (waitMs > 0) {
    const minutes = Math.max(1, Math.ceil(waitMs / 60000));
    throw new TooManyRequestsError(
      "Too many check-in tries: at most " +
        TRIES +
        " in " +
        WINDOW_MS / 60000 +
        " minutes. Try again in " +
        minutes +
        (minutes === 1 ? " minute." : " minutes."),
    );
  }
}

/** The day code as typed ("482 913", "482-913") or sent; "" when none. */
function dayCodeIn(value) {
  if (typeof value === "number" && isFinite(value)) value = String(value);
  return typeof value === "string" ? value.replace(/[\s-]/g, "") : "";
}

function selfCheckin(app, person, body, nowMs) {
  countTry(app, person.id, nowMs);
  if (!body || typeof body.door !== "string" || !body.door.trim()) {
    throw refuse(
      "door",
      "door_missing",
      'Send JSON: {"door": "<the text of the door poster\'s QR code>", "day_code": "<the door code of the day>"}.',
    );
  }
  const poster = settings.posterIn(body.door);
  if (!poster) throw refuse("door", "door_not_poster", '"door" is not a Coffice door poster. Scan the poster at the entrance.');
  if (!settings.isCurrentPoster(app, poster.code)) {
    throw refuse("door", "door_old_poster", '"door" is an old or unknown poster. Scan the poster at the entrance, or ask a host.');
  }
  const dayCode = dayCodeIn(body.day_code) || poster.dayCode;
  if (!dayCode) {
    throw refuse(
      "day_code",
      "day_code_missing",
      '"day_code" is missing: type the door code of the day, shown on the door screen at the entrance.',
    );
  }
  if (!settings.isTodaysCode(app, dayCode, nowMs)) {
    throw refuse(
      "day_code",
      "day_code_wrong",
      '"day_code" is not today’s door code. It changes every day: read it on the door screen at the entrance.',
    );
  }
  const passes = app.findRecordsByFilter("passes", "holder = {:holder} && kind = 'member' && revoked = false", "-created", 1, 0, {
    holder: person.id,
  });
  if (passes.length === 0) throw refuse("door", "no_member_pass", "You have no valid member pass. Ask a host.");
  let result;
  app.runInTransaction((txApp) => {
    result = scans.recordScan(txApp, {
      id: "",
      code: passes[0].getString("code"),
      event: "",
      // their own scan toggles: inside, it is their check-out (a host's door never toggles)
      direction: scans.insideAtFront(txApp, passes[0].id, nowMs) ? "out" : "in",
      atMs: nowMs,
      device: "self-checkin",
      source: "self",
    });
  });
  if (result.status === "stored") require(`${__hooks}/lib/community.js`).signalCheckins(app, [result.record]);
  const answer = scans.answerFor(app, result.record, result.decision);
  return { verdict: answer.verdict, direction: answer.direction, checkin_id: answer.checkin_id, holder_name: answer.holder_name };
}

/** Forgets the tries of members who made none in the window (run from a cron). */
function forgetOldTries() {
  const now = Date.now();
  windows.forgetStale(TRIES_PREFIX, (key, value) => windows.recent(value, now, WINDOW_MS).length === 0);
}

module.exports = { selfCheckin, forgetOldTries, TRIES, WINDOW_MS };
