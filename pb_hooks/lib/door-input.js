// Checking what door devices send, before anything is looked up. Each check returns a plain
// English sentence naming the bad item (the app maps it to Swedish/English), or "" when fine.
// Scanned text is untrusted: it is only ever compared with the pass-code pattern here.
const { parseInstant } = require(`${__hooks}/lib/vendor/venue-clock.js`);
const { isObject } = require(`${__hooks}/lib/http.js`);

const RECORD_ID = /^[a-z0-9]{15}$/;
const VERDICTS = ["admitted", "already_in", "wrong_event", "outside_window", "revoked", "unknown", "invalid"];
const MAX_DEVICE = 64; // the checkins.device field's limit
// A device clock more than a day ahead is broken, not early; one before 2020 (a tablet that
// lost its clock, PocketBase's zero date at year 1) is broken too: Coffice did not exist.
const MAX_AHEAD_MS = 24 * 3600 * 1000;
const EARLIEST_MS = Date.UTC(2020, 0, 1);

// Field names are quoted in messages: PocketBase capitalises an error's first letter.
function q(name) {
  return '"' + name + '"';
}

function idProblem(value, name) {
  if (value === undefined || value === null || value === "") return "";
  return typeof value === "string" && RECORD_ID.test(value) ? "" : q(name) + " must be 15 lower-case letters and digits.";
}

function requiredIdProblem(value, name) {
  if (value === undefined || value === null || value === "") return q(name) + " is missing (a 15-character id made by the device).";
  return idProblem(value, name);
}

function directionProblem(value, name, required) {
  if ((value === undefined || value === null || value === "") && !required) return "";
  return value === "in" || value === "out" ? "" : q(name) + ' must be "in" or "out".';
}

/** `parsed`: parseInstant(value) when the caller has it already. */
function timeProblem(value, name, required, nowMs, parsed) {
  if ((value === undefined || value === null || value === "") && !required) return "";
  const t = parsed === undefined ? parseInstant(value) : parsed;
  if (isNaN(t)) return q(name) + " must be a date and time like 2026-11-30T07:10:00.000Z.";
  if (t < EARLIEST_MS) return q(name) + " is before 2020; check the device’s clock.";
  if (t > nowMs + MAX_AHEAD_MS) return q(name) + " is more than a day in the future; check the device’s clock.";
  return "";
}

function deviceProblem(value, name) {
  if (value === undefined || value === null) return "";
  if (typeof value !== "string") return q(name) + " must be text.";
  return value.length > MAX_DEVICE ? q(name) + " is longer than " + MAX_DEVICE + " characters." : "";
}

/** The door a scan is for: "" (front door) or an event that exists (asked of `lookups` when given). */
function eventProblem(app, value, name, lookups) {
  if (value === undefined || value === null || value === "") return "";
  const problem = idProblem(value, name);
  if (problem) return problem;
  if (lookups) return lookups.event(value) ? "" : q(name) + " is not an event of this venue.";
  try {
    app.findRecordById("events", value);
    return "";
  } catch (_) {
    return q(name) + " is not an event of this venue.";
  }
}

function codeProblem(value, name) {
  if (typeof value !== "string") return q(name) + " is missing (the scanned text).";
  return "";
}

/** Problems of one online scan body (POST /api/coffice/scan). */
function scanProblem(app, body, nowMs, lookups) {
  return (
    codeProblem(body.code, "code") ||
    eventProblem(app, body.event, "event", lookups) ||
    directionProblem(body.direction, "direction", false) ||
    idProblem(body.id, "id") ||
    timeProblem(body.scanned_at, "scanned_at", false, nowMs) ||
    deviceProblem(body.device, "device")
  );
}

/** Problems of one uploaded offline scan (an item of POST /api/coffice/sync); `atMs` as timeProblem's `parsed`. */
function syncItemProblem(app, item, name, nowMs, lookups, atMs) {
  if (!isObject(item)) return q(name) + " is not a scan object.";
  const problem =
    requiredIdProblem(item.id, name + ".id") ||
    codeProblem(item.code, name + ".code") ||
    eventProblem(app, item.event, name + ".event", lookups) ||
    directionProblem(item.direction, name + ".direction", true) ||
    timeProblem(item.scanned_at, name + ".scanned_at", true, nowMs, atMs) ||
    deviceProblem(item.device, name + ".device");
  if (problem) return problem;
  if (VERDICTS.indexOf(item.verdict) === -1) return q(name + ".verdict") + " must be one of " + VERDICTS.join(", ") + ".";
  return "";
}

module.exports = { q, isObject, scanProblem, syncItemProblem, idProblem, requiredIdProblem, eventProblem, timeProblem, deviceProblem };
