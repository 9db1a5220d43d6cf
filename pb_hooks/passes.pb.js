/// <reference path="../pb_data/types.d.ts" />
// The holder reissues a pass: a new code at once, the old one stops scanning (online at
// once; offline doors after their next door-list refresh).
routerAdd(
  "POST",
  "/api/coffice/passes/{id}/reissue",
  (e) => {
    const id = e.request.pathValue("id");
    if (!/^[a-z0-9]{15}$/.test(id)) throw new BadRequestError("That is not a pass id.");
    let pass;
    try {
      pass = e.app.findRecordById("passes", id);
    } catch (_) {
      throw new NotFoundError("No such pass.");
    }
    if (pass.getString("holder") !== e.auth.id) throw new NotFoundError("No such pass.");
    if (pass.getBool("revoked")) throw new BadRequestError("This pass is no longer valid and cannot be reissued.");
    pass.set("code", require(`${__hooks}/lib/codes.js`).newPassCode());
    e.app.save(pass);
    require(`${__hooks}/lib/passes.js`).showQrToHolder(e.auth, [pass]); // the answer carries the new modules
    return e.json(200, pass);
  },
  $apis.requireAuth("users"),
);

// Every save of a pass (created, reissued, revoked, revived) keeps its stored QR modules in
// step with its code (lib/passes.js), so lists and realtime never draw a QR.
onRecordCreate((e) => {
  require(`${__hooks}/lib/passes.js`).storeQrModules(e.record);
  e.next();
}, "passes");

onRecordUpdate((e) => {
  require(`${__hooks}/lib/passes.js`).storeQrModules(e.record);
  e.next();
}, "passes");

// The holder receives each of their valid passes with its QR modules (`qr`, a hidden field
// drawn once per code by the app's own encoder bundled for goja); the app then needs no
// encoder of its own. Others who may read a pass (hosts) do not get them; revoked passes
// have none. Unhidden once per list or view request (lib/passes.js), not by a per-record
// enrich hook: that alone made a list of 20 passes cost four times the events list.
// Realtime messages carry no modules; the device keeps those it has (offline/realtime.ts).
onRecordsListRequest((e) => {
  require(`${__hooks}/lib/passes.js`).showQrToHolder(e.auth, e.records);
  e.next();
}, "passes");

onRecordViewRequest((e) => {
  require(`${__hooks}/lib/passes.js`).showQrToHolder(e.auth, [e.record]);
  e.next();
}, "passes");
