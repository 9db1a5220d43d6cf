// Names of door devices (collection door_devices, docs/DOOR.md): a device keeps its stable
// id in check-ins' `device`; hosts name it once ("Entrén") and verdicts show the name.
const MAX_NAME = 40;

function deviceNames(app) {
  const names = {};
  app.findRecordsByFilter("door_devices", "name != ''", "", 0, 0).forEach((r) => (names[r.getString("device")] = r.getString("name")));
  return names;
}

function nameOf(app, device) {
  if (!device) return "";
  try {
    return app.findFirstRecordByFilter("door_devices", "device = {:device}", { device: device }).getString("name");
  } catch (_) {
    return "";
  }
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
  app.save(record);
  return { device: device, name: name };
}

module.exports = { deviceNames, nameOf, namingProblem, nameDevice };
