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
    return e.json(200, pass);
  },
  $apis.requireAuth("users"),
);
