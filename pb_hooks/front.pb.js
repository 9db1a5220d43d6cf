/// <reference path="../pb_data/types.d.ts" />
// Every request's way in: the one JavaScript middleware (pb_hooks/lib/front.js says why one).
routerUse((e) => require(`${__hooks}/lib/front.js`).front(e));
