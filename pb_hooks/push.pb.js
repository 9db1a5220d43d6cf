/// <reference path="../pb_data/types.d.ts" />
// Web push (DESIGN "Notices"): the VAPID key pair is made on first start (kept in the data
// folder, 0600) and its public half is what browsers subscribe with.
onBootstrap((e) => {
  e.next();
  require(`${__hooks}/lib/push.js`).vapidKeys(e.app);
});

routerAdd("GET", "/api/coffice/push-key", (e) => {
  const { vapidKeys } = require(`${__hooks}/lib/push.js`);
  e.response.header().set("Cache-Control", "no-cache");
  return e.json(200, { publicKey: vapidKeys($app).publicKey });
});
