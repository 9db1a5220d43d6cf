// A member scans the front-door poster with their own phone: their member pass is scanned
// at the front door, recorded with source "self": in when outside, out when inside (their own
// check-out; a host's door never turns a repeat into an exit).
const settings = require(`${__hooks}/lib/door-settings.js`);
const scans = require(`${__hooks}/lib/door-scans.js`);

function selfCheckin(app, person, body) {
  if (!body || typeof body.door !== "string" || !body.door.trim()) {
    throw new BadRequestError('Send JSON: {"door": "<the text of the door poster\'s QR code>"}.');
  }
  const code = settings.posterCodeIn(body.door);
  if (!code) throw new BadRequestError('"door" is not a Coffice door poster. Scan the poster at the entrance.');
  if (!settings.isCurrentPoster(app, code)) {
    throw new BadRequestError('"door" is an old or unknown poster. Scan the poster at the entrance, or ask a host.');
  }
  const passes = app.findRecordsByFilter("passes", "holder = {:holder} && kind = 'member' && revoked = false", "-created", 1, 0, {
    holder: person.id,
  });
  if (passes.length === 0) throw new BadRequestError("You have no valid member pass. Ask a host.");
  let result;
  app.runInTransaction((txApp) => {
    const now = Date.now();
    result = scans.recordScan(txApp, {
      id: "",
      code: passes[0].getString("code"),
      event: "",
      // their own scan toggles: inside, it is their check-out (a host's door never toggles)
      direction: scans.insideAtFront(txApp, passes[0].id, now) ? "out" : "in",
      atMs: now,
      device: "self-checkin",
      source: "self",
    });
  });
  const answer = scans.answerFor(app, result.record, result.decision);
  return { verdict: answer.verdict, direction: answer.direction, checkin_id: answer.checkin_id, holder_name: answer.holder_name };
}

module.exports = { selfCheckin };
