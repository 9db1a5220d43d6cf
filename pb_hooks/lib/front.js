// What every request passes before PocketBase's own handler, in one middleware
// (pb_hooks/front.pb.js). One, not one per concern: a JavaScript middleware holds a JavaScript
// VM until the request is answered (seven of them held seven per request), and a VM held is one
// the hooks pool cannot lend: a burst of requests then makes fresh VMs, which load every module
// again. The realtime stream, a request that lasts as long as a phone has the app open, skips
// this middleware altogether (front.pb.js says how). Compression is PocketBase's own Go
// middleware (static.pb.js) and the batch rule a batch hook (batch.pb.js): neither holds a VM.
//
// The steps, outermost first; each either answers or calls `next`:
//   1. the request log never holds a secret, a pass code or an e-mail address (log-redact.js);
//   2. while a restore runs, writes wait (503, kept in the device's outbox; local-tools.pb.js);
//   3. /api/health answers with what an operator checks (health.js);
//   4. one-time codes: each open code has a few tries from any address (otp-limiter.js);
//   5. applications: a body too large is refused unread, five tries per address (applications.js).
const STEPS = [redactLog, waitForRestore, health, otpTries, applicationGate];

/** Runs the steps, then PocketBase's handler. @param {core.RequestEvent} e */
function front(e) {
  const run = (i) => (i === STEPS.length ? e.next() : STEPS[i](e, () => run(i + 1)));
  return run(0);
}

// PocketBase's request log (admin UI → Logs) records each request's address after it is
// answered, outside this middleware: the address is rewritten once the handler is done.
function redactLog(e, next) {
  try {
    return next();
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
}

// Between the copy of the live data kept aside and the restart, an acknowledged write would be
// in neither. Reads, the backup tools and pages outside the API go on.
function waitForRestore(e, next) {
  const until = e.app.store().get("coffice.maintenanceUntil");
  if (!until || Date.now() > until) return next();
  const method = e.request.method;
  const path = e.request.url.path;
  const reads = method === "GET" || method === "HEAD" || method === "OPTIONS";
  const tools = path.indexOf("/api/backups") === 0 || path === "/api/coffice/maintenance" || path.indexOf("/api/coffice/local-") === 0;
  if (reads || tools || path.indexOf("/api/") !== 0) return next();
  e.response.header().set("Retry-After", "30");
  return e.json(503, {
    status: 503,
    message: "The venue's data is being restored from a backup. Your change is kept on your device and sent in a minute.",
    data: {},
  });
}

// answers as PocketBase's own /api/health does (200 "API is healthy."), with the schema version
// and the last backup; the data folder's path for the operator only
function health(e, next) {
  if (e.request.url.path !== "/api/health" || (e.request.method !== "GET" && e.request.method !== "HEAD")) return next();
  const { healthOf } = require(`${__hooks}/lib/health.js`);
  return e.json(200, { code: 200, message: "API is healthy.", data: healthOf(e.app, e.hasSuperuserAuth()) });
}

// PocketBase checks a code before any record hook runs, so the count sits in front of the
// route. Only a request naming an open code is counted; anything else is PocketBase's to refuse.
function otpTries(e, next) {
  if (e.request.method !== "POST" || !/^\/api\/collections\/[^/]+\/auth-with-otp$/.test(e.request.url.path)) return next();
  const limiter = require(`${__hooks}/lib/otp-limiter.js`);
  // not http.bodyOf: a body PocketBase cannot read fails here with its own 400, before any code is counted
  const body = e.requestInfo().body;
  const otpId = typeof body.otpId === "string" ? body.otpId : "";
  if (otpId && limiter.isBurned(otpId)) throw new TooManyRequestsError(limiter.BURNED_MESSAGE);
  let otp;
  try {
    otp = otpId ? e.app.findOTPById(otpId) : null;
  } catch (_) {
    otp = null;
  }
  if (!otp) {
    // a parallel fifth wrong try marks the code burned before it deletes it: a code that vanished
    // since the check above answers like every other try at a burned code
    if (otpId && limiter.isBurned(otpId)) throw new TooManyRequestsError(limiter.BURNED_MESSAGE);
    return next();
  }
  const stamp = limiter.reserve(otp);
  if (!stamp) throw new TooManyRequestsError(limiter.BURNED_MESSAGE);
  // burned by a parallel try between the look-up and the reservation (which a burn resets)
  if (limiter.isBurned(otpId)) {
    limiter.release(otp, stamp);
    throw new TooManyRequestsError(limiter.BURNED_MESSAGE);
  }
  let answer;
  try {
    answer = next();
  } catch (err) {
    limiter.recordWrong(e.app, otp, stamp);
    throw err;
  }
  limiter.release(otp, stamp);
  return answer;
}

// Before PocketBase reads the body: a body too large for any application is refused unread,
// and each client address has five tries in ten minutes (operators are not limited).
function applicationGate(e, next) {
  const applications = require(`${__hooks}/lib/applications.js`);
  if (!applications.isApplicationCreate(e)) return next();
  const length = parseInt(String(e.request.header.get("Content-Length") || "0"), 10) || e.request.contentLength || 0;
  if (length > applications.MAX_BODY_BYTES) {
    const { refuse } = require(`${__hooks}/lib/refuse.js`);
    throw refuse("message", "application_too_long", "The application is too large: the message holds at most 2,000 characters.", {
      max: 2000,
    });
  }
  if (!e.hasSuperuserAuth() && !applications.mayTry(e.realIP())) throw new TooManyRequestsError(applications.TOO_MANY_MESSAGE);
  // the types as sent: the record hook sees them already turned into text
  applications.checkTypes(require(`${__hooks}/lib/http.js`).bodyOf(e));
  return next();
}

module.exports = { front };
