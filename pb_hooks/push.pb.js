/// <reference path="../pb_data/types.d.ts" />
// Web push (DESIGN "Notices"): the VAPID key pair is made on first start (kept in the data
// folder, 0600) and its public half is what browsers subscribe with.
onBootstrap((e) => {
  e.next();
  // the server's start, not a command such as `superuser upsert` (which would only pay for it)
  if ($os.args.indexOf("serve") < 0) return;
  try {
    require(`${__hooks}/lib/push.js`).vapidKeys(e.app);
  } catch (err) {
    // the server runs without push rather than not at all; the next use tries again
    e.app.logger().error("Could not make or read the web push (VAPID) keys", "error", String(err));
  }
});

routerAdd("GET", "/api/coffice/push-key", (e) => {
  const { vapidKeys } = require(`${__hooks}/lib/push.js`);
  e.response.header().set("Cache-Control", "no-cache");
  return e.json(200, { publicKey: vapidKeys($app).publicKey });
});
