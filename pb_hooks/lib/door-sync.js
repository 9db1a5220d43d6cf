// Offline scans uploaded by a door (POST /api/coffice/sync): each is a fact kept once under
// the id the device gave it, with the device's time and verdict. A malformed item is
// answered "invalid" with a message naming it; the batch's other items are stored all the same.
const input = require(`${__hooks}/lib/door-input.js`);
const scans = require(`${__hooks}/lib/door-scans.js`);
const clock = require(`${__hooks}/lib/vendor/venue-clock.js`);

const MAX_SCANS = 500;

function syncScans(app, body) {
  if (!body || !Array.isArray(body.scans)) {
    throw new BadRequestError('Send JSON: {"scans": [{"id", "code", "event", "direction", "scanned_at", "device", "verdict"}, ...]}.');
  }
  if (body.scans.length > MAX_SCANS) {
    throw new BadRequestError(
      "At most " + MAX_SCANS + " scans per upload; this one has " + body.scans.length + ". Send the rest in another.",
    );
  }
  const now = Date.now();
  // the upload's passes and events in two queries, before its transaction (they are read,
  // not written: a door decides from what it knew, and so does the server)
  const lookups = scans.newLookups(app);
  lookups.preload(body.scans.filter(input.isObject));
  // each device time read once, for the check and the scan
  const times = body.scans.map((item) => (input.isObject(item) ? clock.parseInstant(item.scanned_at) : NaN));
  const results = body.scans.map((item, i) => {
    const problem = input.syncItemProblem(app, item, "scans[" + i + "]", now, lookups, times[i]);
    const id = input.isObject(item) && typeof item.id === "string" ? item.id : "";
    return problem ? { id: id, status: "invalid", verdict: "", conflict: false, message: problem } : null;
  });
  // One transaction for the whole upload: one commit instead of hundreds, and a door's
  // batch never interleaves with another's. A scan that fails to save is answered on its own.
  const wellFormed = [];
  body.scans.forEach((item, i) => {
    if (!results[i]) wellFormed.push({ i: i, id: item.id, code: item.code, event: item.event || "", atMs: times[i] });
  });
  const stored = [];
  app.runInTransaction((txApp) => {
    // which ids are known and the facts of the upload's passes: read inside the transaction,
    // so another door's upload cannot come between them and the writes
    const batch = scans.newBatch(txApp, lookups, wellFormed);
    wellFormed.forEach((scan) => {
      const i = scan.i;
      const item = body.scans[i];
      try {
        const result = scans.recordScan(
          txApp,
          {
            id: item.id,
            code: item.code,
            event: scan.event,
            direction: item.direction,
            atMs: scan.atMs,
            device: item.device || "",
            source: "door",
            deviceVerdict: item.verdict,
          },
          lookups,
          batch,
        );
        if (result.status === "stored") stored.push(result.record);
        results[i] =
          result.status === "invalid"
            ? {
                id: item.id,
                status: "invalid",
                verdict: "",
                conflict: false,
                message: '"scans[' + i + '].code" is not a Coffice pass code; nothing was stored.',
              }
            : {
                id: item.id,
                status: result.status,
                verdict: result.verdict,
                conflict: result.conflict,
              };
      } catch (err) {
        // the error's own text ("GoError: …") is the server's, not the door's: it goes to the log
        app.logger().error("A door's scan could not be stored", "id", item.id, "error", String(err));
        results[i] = {
          id: item.id,
          status: "invalid",
          verdict: "",
          conflict: false,
          message: '"scans[' + i + ']" could not be stored; the server’s log has the reason.',
        };
      }
    });
  });
  require(`${__hooks}/lib/community.js`).signalCheckins(app, stored);
  return { results: results };
}

module.exports = { syncScans, MAX_SCANS };
