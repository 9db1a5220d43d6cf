/// <reference path="../pb_data/types.d.ts" />
// Web push (DESIGN "Notices"): the VAPID key pair is made on first use (kept in the data
// folder, 0600; pb_hooks/lib/push.js) and its public half is what browsers subscribe with.
routerAdd("GET", "/api/coffice/push-key", (e) => {
  const { vapidKeys } = require(`${__hooks}/lib/push.js`);
  e.response.header().set("Cache-Control", "no-cache");
  return e.json(200, { publicKey: vapidKeys($app).publicKey });
});
