// Names of door devices (collection door_devices, docs/DOOR.md): a device keeps its stable
// id in check-ins' `device`; hosts name it once ("Entrén") and verdicts show the name.
const MAX_NAME = 40;

function deviceNames(app) {
  const names = {};
  app.findRecordsByFilter("door_devices", "name != ''", "", 0, 0).forEach((r) => (names[r.getString("device")] = r.getString("name")));
  return names;
}

// The names kept in memory: a repeat at the door asks one on every answer (and every door
// list asks them all), and a query from goja costs about what storing the check-in does. Each
// JS VM keeps its own copy, tagged with the app store's token read before the copy was read;
// every saved or deleted door_devices record sets a new token (door-devices.pb.js: the rename
// route and the operator's admin UI alike), so a copy read before the change is read again.
// (Not the store's getOrSet: PocketBase's own collection cache takes the store's lock during
// the read, and Go's locks are not re-entrant.)
const TOKEN_KEY = "coffice.doorDeviceNamesToken";
let kept = null;

/** Every named device's name by its id, as kept. */
function keptNames(app) {
  const token = app.store().get(TOKEN_KEY) || "";
  if (!kept || kept.token !== token) kept = { token: token, names: deviceNames(app) };
  return kept.names;
}

function nameOf(app, device) {
  return device ? keptNames(app)[device] || "" : "";
}

function forgetNames(app) {
  app.store().set(TOKEN_KEY, $security.randomString(16));
}

/** Problems of a body {device, name}, or "". */
function namingProblem(body) {
  if (!body || typeof body.device !== "string" || !body.device.trim()) return '"device" is missing (the door device\'s id).';
  if (body.device.length > 64) return '"device" is longer than 64 characters.';
  if (typeof body.name !== "string") return '"name" must be text ("" to remove the name).';
  if (body.name.trim().length > MAX_NAME) return '"name" is longer than ' + MAX_NAME + " characters.";
  return "";
}

/** Names a device ("" removes the name); returns {device, name}. */
function nameDevice(app, device, name) {
  let record;
  try {
    record = app.findFirstRecordByFilter("door_devices", "device = {:device}", { device: device });
  } catch (_) {
    record = new Record(app.findCollectionByNameOrId("door_devices"));
    record.set("device", device);
  }
  record.set("name", name);
  app.save(record); // door-devices.pb.js renews the kept names' token
  return { device: device, name: name };
}

module.exports = { keptNames, nameOf, forgetNames, namingProblem, nameDevice };
