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
    return e.json(200, pass); // with the new code's modules (`qr`, stored by the save below)
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

// Passes made before `passes.qr` existed get their modules once per server process, at the
// first minute's tick (after the migrations; lib/passes.js). Lists, views and realtime then
// send the stored field as it is, with no hook of their own: the passes answer costs what a
// list of records does (docs/DECISIONS.md).
cronAdd("coffice-older-pass-qr", "* * * * *", () => {
  if ($app.store().has("coffice:older-pass-qr")) return;
  $app.store().set("coffice:older-pass-qr", true);
  try {
    require(`${__hooks}/lib/passes.js`).fillMissingQrModules($app);
  } catch (err) {
    // the app draws a pass without modules itself (lazily): a failure here costs speed only
    $app.logger().error("Could not store the QR modules of older passes", "error", String(err));
  }
});
