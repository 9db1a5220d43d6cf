/// <reference path="../pb_data/types.d.ts" />
// A new person is always a guest unless a host (or an operator) says otherwise, and
// member passes follow the role.
// Hosts find people by email; only the person and hosts can view a user at all.
// Addresses are kept in small letters, however they came in (one account per address).
onRecordCreate((e) => {
  e.record.setEmail(e.record.email().trim().toLowerCase());
  e.record.setEmailVisibility(true);
  if (!e.record.getString("role")) e.record.set("role", "guest");
  if (!e.record.getString("locale")) e.record.set("locale", "sv");
  e.next();
  require(`${__hooks}/lib/passes.js`).syncMemberPass(e.app, e.record);
}, "users");

onRecordUpdate((e) => {
  const before = e.record.original().getString("role");
  if (!e.record.getString("role")) e.record.set("role", before || "guest");
  e.record.setEmail(e.record.email().trim().toLowerCase());
  const { ANONYMOUS_DOMAIN } = require(`${__hooks}/lib/my-data.js`);
  e.record.setEmailVisibility(e.record.email().slice(-ANONYMOUS_DOMAIN.length) !== ANONYMOUS_DOMAIN);
  e.app.runInTransaction((txApp) => {
    e.app = txApp;
    e.next();
    if (e.record.getString("role") !== before) {
      require(`${__hooks}/lib/passes.js`).syncMemberPass(txApp, e.record);
      // the welcome goes when a host makes someone a member (accounts made as members by an
      // operator, e.g. the seed, are not welcomed)
      if (e.record.getString("role") === "member") require(`${__hooks}/lib/notices.js`).becameMember(txApp, e.record);
    }
  });
}, "users");

// Defence in depth beside the API rules: only hosts and operators give roles.
onRecordCreateRequest((e) => {
  const isHost = require(`${__hooks}/lib/http.js`).isHost(e);
  if (!e.hasSuperuserAuth() && !isHost) {
    const role = e.record.getString("role");
    if (role && role !== "guest") throw new ForbiddenError("Only a host can give a role.");
    e.record.set("role", "guest");
  }
  e.next();
}, "users");

onRecordUpdateRequest((e) => {
  const isHost = require(`${__hooks}/lib/http.js`).isHost(e);
  if (!e.hasSuperuserAuth() && !isHost && e.record.getString("role") !== e.record.original().getString("role")) {
    throw new ForbiddenError("Only a host can change a role.");
  }
  // passes and door verdicts show the name: nobody clears it (deleting an account does, not
  // through this request)
  const name = e.record.getString("name");
  if (!e.hasSuperuserAuth() && name !== e.record.original().getString("name") && !name.trim()) {
    const message = "Type your name: it is shown on your passes.";
    throw new BadRequestError(message, { name: new ValidationError("name_required", message) });
  }
  if (name !== name.trim()) e.record.set("name", name.trim());
  // begun at the request, around the save: onRecordUpdate's transaction then joins this one,
  // and the change's realtime message is kept (a role change reaches the person's open app)
  e.app.runInTransaction((txApp) => {
    e.app = txApp;
    e.next();
  });
}, "users");
