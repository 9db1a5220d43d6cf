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

module.exports = { ensureEventPass, revokeEventPass, syncMemberPass };
