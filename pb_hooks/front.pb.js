/// <reference path="../pb_data/types.d.ts" />
// Every request's way in: the one JavaScript middleware (pb_hooks/lib/front.js says why one).
//
// It carries the id of PocketBase's own "skip the success log" middleware on purpose. A route
// that binds that one (the realtime stream, the logs API, the OAuth2 redirect) replaces this
// one by its id (PocketBase's hook.Bind: a handler with the id of one already bound replaces
// it), so a phone's realtime stream — a request that lasts as long as the app is open — holds
// no JavaScript VM at all. None of those routes needs a step of the front door: the stream
// writes nothing and has no body, the other two are the operator's or unused.
// Tested: static.spec.ts (the stream still delivers), the steps on their routes in api-edges
// (the log), auth-hardening (codes), applications and backup (the restore's 503) specs; the
// replacement itself by realtime-memory.spec.ts (200 streams, bytes each).
routerUse(new Middleware((e) => require(`${__hooks}/lib/front.js`).front(e), 0, "pbSkipSuccessActivityLog"));
