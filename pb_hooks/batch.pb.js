/// <reference path="../pb_data/types.d.ts" />
// The batch API is for operators (the demo seed, tests, tools): the app never sends a batch,
// and a batch of 200 writes is a lever a guest could use to keep the server's one write
// transaction busy while the door waits on it. Refused before any of it runs (the body, at
// most 2 MiB by the settings, has been read by then; a hook here holds no VM for other requests).
onBatchRequest((e) => {
  if (!e.hasSuperuserAuth()) throw new ForbiddenError("Batch requests are for operators only. Send each change on its own.");
  e.next();
});
