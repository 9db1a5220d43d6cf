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
    $apis.enrichRecord(e, pass); // the holder's answer carries the new QR modules
    return e.json(200, pass);
  },
  $apis.requireAuth("users"),
);

// The holder receives each of their passes with its QR modules ('1' dark, '0' light, row by
// row), drawn by the app's own encoder bundled for goja; the app then needs no encoder of its
// own. Others who may read a pass (hosts) do not get them; revoked passes have none.
onRecordEnrich((e) => {
  const auth = e.requestInfo && e.requestInfo.auth;
  if (auth && auth.id === e.record.getString("holder") && !e.record.getBool("revoked")) {
    e.record.withCustomData(true);
    e.record.set("qr", require(`${__hooks}/lib/vendor/pass-qr.js`).passQrModules(e.record.getString("code")));
  }
  e.next();
}, "passes");
