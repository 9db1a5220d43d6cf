// Web push (DESIGN "Notices"): the venue's VAPID key pair, made on first start and kept in the
// data folder, and sendPushNotice(app, notice), which the notices worker calls for a `push`
// notice. Each of the person's subscriptions gets the notice ({title, body, url, tag} in their
// language) encrypted for it (RFC 8291, aes128gcm) with a VAPID token (RFC 8292). goja has no
// Web Crypto: the curve, hashes and AES-GCM are @noble's, bundled in vendor/web-push.js.
const KEY_FILE = "coffice-vapid.json";
const STORE_KEY = "coffice:vapid";
const TTL_SECONDS = 24 * 60 * 60;
const TIMEOUT_SECONDS = 10;
const TIMEOUT_KEY = "coffice:push-timeout";

function crypto() {
  return require(`${__hooks}/lib/vendor/web-push.js`);
}

/** n random bytes from PocketBase's CSPRNG (Go's crypto/rand behind $security), via hex. */
function randomBytes(n) {
  return crypto().hexToBytes($security.randomStringWithAlphabet(n * 2, "0123456789abcdef"));
}

function keyPath(app) {
  return app.dataDir() + "/" + KEY_FILE;
}

/** {publicKey, privateKey} (base64url); made and written (0600) the first time. */
function vapidKeys(app) {
  // made on first use (a push-key request or a push), not at every start: making a key costs
  // ~0.3 s of goja; getOrSet holds the store's lock, so two first requests make one key
  return app.store().getOrSet(STORE_KEY, () => {
    try {
      const saved = JSON.parse(toString($os.readFile(keyPath(app))));
      if (saved && saved.publicKey && saved.privateKey) return { publicKey: saved.publicKey, privateKey: saved.privateKey };
    } catch (_) {
      // no key yet (or an unreadable one): make a new pair
    }
    let secret = randomBytes(32);
    // a value of 0 or ≥ the curve order is not a key (chance ~2^-32); draw again
    while (!isValidSecret(secret)) secret = randomBytes(32);
    const keys = crypto().vapidKeysFromSecret(secret);
    $os.writeFile(keyPath(app), JSON.stringify(keys), 384 /* 0600 */);
    return keys;
  });
}

function isValidSecret(secret) {
  return crypto().isValidSecretKey(secret);
}

/** Who runs this push sender, for the push services (RFC 8292 §2.1): the mail sender, else the app's address. */
function vapidSubject(app) {
  const meta = app.settings().meta;
  const sender = String(meta.senderAddress || "").trim();
  if (sender) return "mailto:" + sender;
  const url = String(meta.appURL || "").trim();
  return /^https:\/\//.test(url) ? url : "mailto:operator@localhost";
}

const TEXTS = {
  sv: {
    confirmed: (t) => ({ title: t, body: "Du har en plats. Ditt passerkort finns i appen." }),
    waitlisted: (t, d) => ({
      title: t,
      body: d.position ? "Du står på väntelistan som nummer " + d.position + "." : "Du står på väntelistan.",
    }),
    promoted: (t) => ({ title: t, body: "Du har fått en plats från väntelistan. Ditt passerkort finns i appen." }),
    changed: (t, d) => ({ title: t, body: "Tid eller plats har ändrats" + (d.starts ? ": nu " + d.starts : "") + "." }),
    cancelled: (t) => ({ title: t, body: "Evenemanget är inställt." }),
    reminder: (t, d) => ({ title: t, body: "Påminnelse: " + (d.starts || "snart") + "." }),
    welcome: () => ({ title: "Välkommen till Coffice", body: "Ditt konto är klart." }),
    application: () => ({ title: "Coffice", body: "Din ansökan har fått svar." }),
    message: (t, d) => ({ title: t, body: d.text ? "Meddelande från värden: " + d.text : "Ett nytt meddelande från värden." }),
    fallback: (t) => ({ title: t || "Coffice", body: "Något nytt i Coffice." }),
  },
  en: {
    confirmed: (t) => ({ title: t, body: "You have a place. Your pass is in the app." }),
    waitlisted: (t, d) => ({
      title: t,
      body: d.position ? "You are number " + d.position + " on the waitlist." : "You are on the waitlist.",
    }),
    promoted: (t) => ({ title: t, body: "You got a place from the waitlist. Your pass is in the app." }),
    changed: (t, d) => ({ title: t, body: "The time or place has changed" + (d.starts ? ": now " + d.starts : "") + "." }),
    cancelled: (t) => ({ title: t, body: "The event is cancelled." }),
    reminder: (t, d) => ({ title: t, body: "Reminder: " + (d.starts || "soon") + "." }),
    welcome: () => ({ title: "Welcome to Coffice", body: "Your account is ready." }),
    application: () => ({ title: "Coffice", body: "Your application has an answer." }),
    message: (t, d) => ({ title: t, body: d.text ? "A message from the host: " + d.text : "A new message from the host." }),
    fallback: (t) => ({ title: t || "Coffice", body: "Something new in Coffice." }),
  },
};

/** "2026-03-29 14:30" in the venue's time. */
function venueTime(value) {
  if (!value) return "";
  const { toVenueInputValue, parseInstant } = require(`${__hooks}/lib/vendor/venue-clock.js`);
  try {
    return toVenueInputValue(parseInstant(String(value))).replace("T", " ");
  } catch (_) {
    return "";
  }
}

/** The id of the pass the notice is about (data.pass, or the pass of data.registration), or "". */
function passOf(app, data) {
  const id = (value) => (typeof value === "string" && /^[a-z0-9]{15}$/.test(value) ? value : "");
  if (id(data.pass)) return data.pass;
  if (!id(data.registration)) return "";
  const passes = app.findRecordsByFilter("passes", "registration = {:r} && revoked = false", "-created", 1, 0, { r: data.registration });
  return passes.length > 0 ? passes[0].id : "";
}

/** The notice as the person reads it: {title, body, url, tag}, in their language (users.locale). */
function payloadFor(app, notice, user) {
  const language = user && user.getString("locale") === "en" ? "en" : "sv";
  const kind = notice.getString("kind");
  const eventId = notice.getString("event");
  let data;
  try {
    data = JSON.parse(notice.getString("data") || "{}");
  } catch (_) {
    data = {};
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) data = {};
  let title = "";
  let starts = "";
  let hostMessage = "";
  if (eventId) {
    try {
      const event = app.findRecordById("events", eventId);
      title = event.getString("title");
      starts = venueTime(event.getString("starts"));
      hostMessage = event.getString("message");
    } catch (_) {
      title = "";
    }
  }
  const words = {
    position: data.position,
    // a host's words: as the notice keeps them, else as the event shows them now
    text: String((typeof data.text === "string" && data.text) || (typeof data.message === "string" && data.message) || hostMessage).slice(
      0,
      300,
    ),
    starts: venueTime(data.new_starts || data.starts) || starts,
  };
  const texts = TEXTS[language];
  const make = texts[kind] || texts.fallback;
  const text = make(title || "Coffice", words);
  const pass = kind === "confirmed" || kind === "promoted" || kind === "reminder" || kind === "changed" ? passOf(app, data) : "";
  let url = "/";
  if (pass) url = "/passes/" + pass;
  else if (eventId) url = "/events/" + eventId;
  else if (kind === "welcome" || kind === "application") url = "/me";
  return { title: text.title, body: text.body, url: url, tag: notice.getString("key") || notice.id };
}

// Browsers' push services are all https. The tests' stand-in push service is plain http on
// 127.0.0.1: their own copy of the hooks sets this flag; the app never does.
const ALLOW_HTTP = "coffice:push-allow-http";

/** "https://host:port" of an endpoint, or "" when it is not a push service's URL (https, a public name). */
function originOf(app, endpoint) {
  const match = /^(https?):\/\/([^/?#@]+)(?:[/?#]|$)/i.exec(String(endpoint));
  if (!match) return "";
  const scheme = match[1].toLowerCase();
  const host = match[2].toLowerCase().replace(/:\d+$/, "");
  // a push service has a public name: an address or a local name would make the server a
  // messenger into the venue's own network
  const local = /^\[|^\d+(\.\d+){3}$|^localhost$|\.local$|\.internal$|^[^.]+$/.test(host);
  if ((scheme !== "https" || local) && app.store().get(ALLOW_HTTP) !== true) return "";
  return scheme + "://" + match[2].toLowerCase();
}

/** One POST to a push service. {status} or {error} (timeouts and refused connections). */
function deliver(app, subscription, payload, keys) {
  const w = crypto();
  const endpoint = subscription.getString("endpoint");
  const audience = originOf(app, endpoint);
  if (!audience) return { status: 0, error: "endpoint is not an https URL", gone: true };
  let body;
  try {
    body = w.encryptPushPayload({
      plaintext: w.utf8(JSON.stringify(payload)),
      p256dh: subscription.getString("p256dh"),
      auth: subscription.getString("auth"),
      ephemeralSecret: freshSecret(),
      salt: randomBytes(16),
    });
  } catch (err) {
    // keys no browser would give: the subscription can never be delivered to
    return { status: 0, error: "subscription keys: " + String(err && err.message ? err.message : err), gone: true };
  }
  const authorization = w.vapidAuthorization({
    audience: audience,
    subject: vapidSubject(app),
    expires: Math.floor(Date.now() / 1000) + 12 * 60 * 60,
    privateKey: keys.privateKey,
    publicKey: keys.publicKey,
    entropy: randomBytes(32),
  });
  try {
    // a Uint8Array reaches Go as []byte, so the body is sent byte for byte (not as a UTF-8 string)
    const res = $http.send({
      url: endpoint,
      method: "POST",
      body: body,
      headers: {
        "Content-Type": "application/octet-stream",
        "Content-Encoding": "aes128gcm",
        TTL: String(TTL_SECONDS),
        Urgency: "high",
        Authorization: authorization,
      },
      // the tests' copy of the hooks shortens it, to see a hanging push service without waiting 10 s
      timeout: app.store().get(TIMEOUT_KEY) || TIMEOUT_SECONDS,
    });
    // only the status is kept: the answer's body is the push service's, not the person's to read
    return { status: res.statusCode };
  } catch (err) {
    return { status: 0, error: String(err && err.message ? err.message : err).slice(0, 200) };
  }
}

function freshSecret() {
  let secret = randomBytes(32);
  while (!isValidSecret(secret)) secret = randomBytes(32);
  return secret;
}

/**
 * Sends a `push` notice to every subscription of its person.
 * { ok: true } when at least one push service took it (or none is left to try: a person with
 * no subscriptions is not an error to retry); { ok: false, retry: true, error } when a
 * service was busy, failing or unreachable (429, 5xx, timeouts) and none took it;
 * { ok: false, retry: false, error } when every answer was a refusal that will not change.
 * Subscriptions answered 404 or 410 are deleted (the browser dropped them).
 */
function sendPushNotice(app, notice) {
  let user;
  try {
    user = app.findRecordById("users", notice.getString("user"));
  } catch (_) {
    return { ok: false, retry: false, error: "the person no longer exists" };
  }
  const subscriptions = app.findRecordsByFilter("push_subscriptions", "user = {:user}", "created", 20, 0, { user: user.id });
  if (subscriptions.length === 0) return { ok: true };
  const keys = vapidKeys(app);
  const payload = payloadFor(app, notice, user);
  let delivered = 0;
  let retry = false;
  const errors = [];
  for (const subscription of subscriptions) {
    const result = deliver(app, subscription, payload, keys);
    const status = result.status;
    if (status >= 200 && status < 300) {
      delivered++;
      continue;
    }
    if (status === 404 || status === 410 || result.gone) {
      try {
        app.delete(subscription);
      } catch (_) {
        // deleted meanwhile
      }
      errors.push((status || "") + " subscription removed" + (result.error ? ": " + result.error : ""));
      continue;
    }
    if (status === 0 || status === 429 || status >= 500) retry = true;
    errors.push(status ? "push service answered " + status : result.error || "no answer");
  }
  if (delivered > 0) return { ok: true };
  const error = errors.join("; ").slice(0, 500) || "no subscription took it";
  return { ok: false, retry: retry, error: error };
}

module.exports = { vapidKeys, vapidSubject, payloadFor, sendPushNotice, originOf };
