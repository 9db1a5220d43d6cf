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

module.exports = { cacheControlFor, SECURITY_HEADERS };
