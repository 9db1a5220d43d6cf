/// <reference path="../pb_data/types.d.ts" />
// Serves the built PWA (--publicDir) on the same origin as the API: gzip, immutable
// caching for hashed assets, and never-cached index.html, service worker and manifest.
routerAdd("GET", "/{path...}", (e) => {
  const { cliFlag } = require(`${__hooks}/lib/cli.js`);
  const { cacheControlFor, SECURITY_HEADERS } = require(`${__hooks}/lib/http.js`);
  const publicDir = cliFlag("publicDir", `${__hooks}/../build`);
  const fsys = $os.dirFS(publicDir);

  let path = e.request.pathValue("path") || "";
  path = path.replace(/^\/+/, "");
  // an API path no route answered is a JSON 404, never the app's HTML: a client of another
  // version then reads a clear "not found" instead of failing to parse a web page
  if (path === "api" || path.indexOf("api/") === 0) {
    return e.json(404, { status: 404, message: "The requested resource wasn't found.", data: {} });
  }
  const safe = path !== "" && path.split("/").every((part) => part !== "" && part !== "." && part !== "..");
  let file = "index.html";
  if (safe) {
    try {
      if (!$os.stat(publicDir + "/" + path).isDir()) file = path;
    } catch (_) {
      file = "index.html";
    }
  }
  // a missing hashed asset is a 404, not the app shell (avoids caching HTML as JS)
  if (file === "index.html" && path.indexOf("_app/") === 0) {
    return e.json(404, { message: "Not found." });
  }
  const headers = e.response.header();
  headers.set("Cache-Control", cacheControlFor(file));
  Object.keys(SECURITY_HEADERS).forEach((name) => headers.set(name, SECURITY_HEADERS[name]));
  if (file.slice(-12) === ".webmanifest") headers.set("Content-Type", "application/manifest+json");
  return e.fileFS(fsys, file);
});

// One compression step for the app and the API (the programme's JSON shrinks ~5×):
// PocketBase's own Go middleware, which holds no JavaScript VM for a request's life (see
// pb_hooks/lib/front.js). The admin UI's (/_/) own binds the same middleware id, so it replaces
// this one there: nothing is compressed twice. A realtime stream is compressed too, and each
// message still reaches the browser at once: the compressor is flushed with every message.
routerUse($apis.gzip());
