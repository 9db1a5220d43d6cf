/// <reference path="../pb_data/types.d.ts" />
// PocketBase's request log (admin UI → Logs) records each request's address after it is
// answered: this middleware, inside that logger, rewrites the address once the handler is done,
// so the log never holds a secret, a pass code or an e-mail address (pb_hooks/lib/log-redact.js).
routerUse((e) => {
  try {
    return e.next();
  } finally {
    const { redactUri } = require(`${__hooks}/lib/log-redact.js`);
    const url = e.request.url;
    const path = redactUri(url.path);
    const query = redactUri(url.rawQuery);
    if (path !== url.path || query !== url.rawQuery) {
      url.path = path;
      url.rawPath = "";
      url.rawQuery = query;
    }
  }
});
