/// <reference path="../pb_data/types.d.ts" />
// The venue's command-line tools talk to the running server with the data folder's key
// (pb_hooks/lib/local-key.js): only from this machine, and only with the key.
onBootstrap((e) => {
  e.next();
  require(`${__hooks}/lib/local-key.js`).ensureLocalKey(e.app);
});

// A short-lived operator token for `npm run backup` / `npm run restore`, which then use
// PocketBase's own backup API (a consistent snapshot while serving; restore and restart).
routerAdd("POST", "/api/coffice/local-operator", (e) => {
  const { isLocalKey } = require(`${__hooks}/lib/local-key.js`);
  const remote = String(e.request.remoteAddr || "");
  const loopback = /^(127\.\d+\.\d+\.\d+|\[::1\]):\d+$/.test(remote);
  if (!loopback || !isLocalKey($app, e.request.header.get("X-Coffice-Local-Key"))) {
    return e.json(403, { status: 403, message: "Only the venue's own tools on this machine may ask this.", data: {} });
  }
  const operators = $app.findRecordsByFilter("_superusers", "", "created", 1, 0);
  if (operators.length === 0) {
    return e.json(409, {
      status: 409,
      message: "There is no operator yet: create one with `pocketbase superuser upsert --dir=DATA -- EMAIL PASSWORD`.",
      data: {},
    });
  }
  return e.json(200, { token: operators[0].newStaticAuthToken(10 * 60 * 1000 * 1000 * 1000) });
});

// While a restore runs, writes wait: between the copy of the live data kept aside and the
// restart, an acknowledged write would be in neither. Doors and phones get a 503 and keep the
// write in their outbox; the restarted server has no such mode (it lives in memory). It ends by
// itself after ten minutes, should the restoring tool die.
routerAdd(
  "POST",
  "/api/coffice/maintenance",
  (e) => {
    const on = new DynamicModel({ on: false });
    e.bindBody(on);
    if (on.on) e.app.store().set("coffice.maintenanceUntil", Date.now() + 10 * 60 * 1000);
    else e.app.store().remove("coffice.maintenanceUntil");
    return e.json(200, { on: !!on.on });
  },
  $apis.requireSuperuserAuth(),
);
// (the 503 itself is answered in front of every route: pb_hooks/lib/front.js)
