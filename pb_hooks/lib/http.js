// What the hooks share about requests and responses: who is asking (hosts), what they sent
// (the JSON body), where they reached the server (the origin), and the static app shell's
// response headers.

/** Whether the request is signed in as a host (operators are not people; see requireHost). */
function isHost(e) {
  return !!e.auth && e.auth.collection().name === "users" && e.auth.getString("role") === "host";
}

/** Hosts, and operators (who run the venue's tools and tests), pass; anyone else is refused with a 403. */
function requireHost(e, refusal) {
  if (e.hasSuperuserAuth()) return;
  // the door's routes are most of those that ask
  if (!isHost(e)) throw new ForbiddenError(refusal || "Only hosts can use the door.");
}

function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The request's JSON body, or null when it is not a JSON object. */
function bodyOf(e) {
  let body;
  try {
    body = e.requestInfo().body;
  } catch (_) {
    return null;
  }
  return isObject(body) ? body : null;
}

/** scheme://host of the request, as the person's browser or calendar app reached it. */
function requestOrigin(e) {
  const forwarded = e.request.header.get("X-Forwarded-Proto");
  const scheme = forwarded === "https" || forwarded === "http" ? forwarded : e.request.tls ? "https" : "http";
  return scheme + "://" + e.request.host;
}

// Response headers for the static app shell.
function cacheControlFor(file) {
  if (file.indexOf("_app/immutable/") === 0) return "public, max-age=31536000, immutable";
  // index.html, service-worker.js, manifest, version.json, icons: always revalidate
  return "no-cache";
}

// The script policy (with the hash of SvelteKit's inline boot script) is a <meta> in
// index.html, written by the build (kit.csp); these complete it where a meta cannot.
const SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
  "X-Frame-Options": "DENY",
  "Content-Security-Policy": "frame-ancestors 'none'; object-src 'none'; base-uri 'self'",
  "Permissions-Policy": "camera=(self), microphone=(), geolocation=()",
};

module.exports = { isHost, requireHost, isObject, bodyOf, requestOrigin, cacheControlFor, SECURITY_HEADERS };
