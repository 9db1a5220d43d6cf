// Server-side pass lifecycle: passes are created, reissued and revoked only here.
const { newPassCode } = require(`${__hooks}/lib/codes.js`);

function newPass(app, fields) {
  const collection = app.findCollectionByNameOrId("passes");
  const pass = new Record(collection);
  pass.set("holder", fields.holder);
  pass.set("kind", fields.kind);
  pass.set("registration", fields.registration || "");
  pass.set("code", newPassCode());
  pass.set("revoked", false);
  app.save(pass);
  return pass;
}

/**
 * Keeps a pass's stored QR modules ('1' dark, '0' light, row by row; hidden field `qr`) in
 * step with its code: drawn once when a code is made or reissued, so reading passes costs
 * no drawing; emptied when the pass is revoked (a revoked pass never carries modules).
 */
function storeQrModules(pass) {
  if (pass.getBool("revoked")) {
    pass.set("qr", "");
    return;
  }
  const code = pass.getString("code");
  if (pass.getString("qr") && code === pass.original().getString("code")) return;
  pass.set("qr", require(`${__hooks}/lib/vendor/pass-qr.js`).passQrModules(code));
}

/**
 * Valid passes made before `passes.qr` existed get their modules, stored in SQL so their
 * `updated` stays as it was (a device that holds them draws the same modules itself). Run once
 * when the server starts; after that every save keeps them in step (storeQrModules). Not in
 * the migration: a migration needs nothing from pb_hooks, so it runs the same in any later
 * version and with any hooks folder.
 */
function fillMissingQrModules(app) {
  const missing = arrayOf(new DynamicModel({ id: "", code: "" }));
  app.db().newQuery("SELECT id, code FROM passes WHERE qr = '' AND revoked = FALSE").all(missing);
  if (missing.length === 0) return;
  const { passQrModules } = require(`${__hooks}/lib/vendor/pass-qr.js`);
  app.runInTransaction((txApp) => {
    missing.forEach((pass) => {
      txApp
        .db()
        .newQuery("UPDATE passes SET qr = {:qr} WHERE id = {:id}")
        .bind({ qr: passQrModules(pass.code), id: pass.id })
        .execute();
    });
  });
}

function findPasses(app, filter, params) {
  return app.findRecordsByFilter("passes", filter, "-created", 0, 0, params);
}

/** The event pass of a confirmed registration: created once, un-revoked when confirmed again. */
function ensureEventPass(app, registration) {
  const existing = findPasses(app, "registration = {:reg}", { reg: registration.id });
  if (existing.length > 0) {
    const pass = existing[0];
    if (pass.getBool("revoked")) {
      // a new code each time a registration comes back, so an old screenshot stays dead
      pass.set("code", newPassCode());
      pass.set("revoked", false);
      app.save(pass);
    }
    return pass;
  }
  return newPass(app, { holder: registration.getString("user"), kind: "event", registration: registration.id });
}

function revokeEventPass(app, registrationId) {
  findPasses(app, "registration = {:reg} && revoked = false", { reg: registrationId }).forEach((pass) => {
    pass.set("revoked", true);
    app.save(pass);
  });
}

/** Members and hosts hold one valid member pass; guests hold none. */
function syncMemberPass(app, user) {
  const role = user.getString("role");
  const valid = findPasses(app, "holder = {:user} && kind = 'member' && revoked = false", { user: user.id });
  if (role === "member" || role === "host") {
    if (valid.length === 0) newPass(app, { holder: user.id, kind: "member" });
    return;
  }
  valid.forEach((pass) => {
    pass.set("revoked", true);
    app.save(pass);
  });
}

module.exports = { ensureEventPass, revokeEventPass, syncMemberPass, storeQrModules, fillMissingQrModules };
