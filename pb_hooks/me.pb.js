/// <reference path="../pb_data/types.d.ts" />
// Data rights of the signed-in person: download everything as JSON, delete the account.
// Both act on the caller only; neither takes an id, so nobody can reach someone else.
routerAdd(
  "GET",
  "/api/coffice/me/export",
  (e) => {
    const { exportFor } = require(`${__hooks}/lib/my-data.js`);
    e.response.header().set("Content-Disposition", 'attachment; filename="coffice-my-data.json"');
    e.response.header().set("Cache-Control", "no-store");
    return e.json(200, exportFor(e.app, e.auth));
  },
  $apis.requireAuth("users"),
);

routerAdd(
  "POST",
  "/api/coffice/me/delete",
  (e) => {
    const { deleteAccount } = require(`${__hooks}/lib/my-data.js`);
    const body = require(`${__hooks}/lib/http.js`).bodyOf(e);
    if (!body) throw new BadRequestError('Send JSON: {"confirm": "<your email address>"}.');
    const confirm = typeof body.confirm === "string" ? body.confirm.trim().toLowerCase() : "";
    if (!confirm) throw new BadRequestError("Type your email address to confirm that the account should be deleted.");
    if (confirm !== e.auth.email().toLowerCase()) {
      throw new BadRequestError("That is not the email address of this account.");
    }
    deleteAccount(e.app, e.auth.id);
    return e.json(200, { deleted: true });
  },
  $apis.requireAuth("users"),
);
