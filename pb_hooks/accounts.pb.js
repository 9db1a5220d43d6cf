/// <reference path="../pb_data/types.d.ts" />
// Signing up and in: password rules, passwordless sign-up with a one-time code, the
// mails in the person's language, and SMTP from the environment.

// Sign-up and password changes: a real address, a password long enough and not a common one.
// Operators (superusers) are trusted to choose. A sign-up with an address that already has an
// account answers like a new one (pb_hooks/lib/sign-up.js); hosts, who find people by email
// anyway, are told plainly. Files load by name, so this hook is bound before users.pb.js's and
// its role check runs inside it, alike for a known and a new address.
onRecordCreateRequest((e) => {
  if (e.hasSuperuserAuth()) return e.next();
  const addresses = require(`${__hooks}/lib/addresses.js`);
  addresses.refuseReserved(e.record.email(), "email");
  require(`${__hooks}/lib/password-policy.js`).requireGoodPassword(require(`${__hooks}/lib/http.js`).bodyOf(e).password);
  const owner = addresses.findAccount(e.app, e.record.email());
  if (!owner || require(`${__hooks}/lib/http.js`).isHost(e)) return e.next();
  return require(`${__hooks}/lib/sign-up.js`).answerAsNew(e, owner);
}, "users");

onRecordUpdateRequest((e) => {
  const body = require(`${__hooks}/lib/http.js`).bodyOf(e);
  if (!e.hasSuperuserAuth()) {
    if (body.email !== undefined) require(`${__hooks}/lib/addresses.js`).refuseReserved(body.email, "email");
    if (body.password !== undefined) require(`${__hooks}/lib/password-policy.js`).requireGoodPassword(body.password);
  }
  e.next();
}, "users");

onRecordRequestEmailChangeRequest((e) => {
  if (!e.hasSuperuserAuth()) require(`${__hooks}/lib/addresses.js`).refuseReserved(e.newEmail, "newEmail");
  e.newEmail = String(e.newEmail).trim().toLowerCase();
  e.next();
}, "users");

onRecordConfirmPasswordResetRequest((e) => {
  require(`${__hooks}/lib/password-policy.js`).requireGoodPassword(require(`${__hooks}/lib/http.js`).bodyOf(e).password);
  e.next();
}, "users");

// A code asked for an unknown address signs the person up as a guest on the spot (the
// mail proves the address). Nobody else learns whether it was known: the answer is the same,
// and a known address costs the same work (a password hashed) as a new account does.
// At most five codes an hour are mailed to one address (pb_hooks/lib/otp-limiter.js).
onRecordRequestOTPRequest((e) => {
  const body = require(`${__hooks}/lib/http.js`).bodyOf(e);
  const addresses = require(`${__hooks}/lib/addresses.js`);
  addresses.refuseReserved(body.email, "email");
  if (!e.record) e.record = addresses.findAccount(e.app, body.email);
  if (!e.record) {
    const person = new Record(e.collection);
    person.setEmail(addresses.normal(body.email));
    person.setEmailVisibility(true);
    person.setRandomPassword();
    person.set("role", "guest");
    person.set("locale", body.locale === "en" ? "en" : "sv");
    e.app.save(person);
    require(`${__hooks}/lib/otp-mail.js`).markNewAccount(e.app, person.id);
    e.record = person;
  } else {
    new Record(e.collection).setRandomPassword();
  }
  const limiter = require(`${__hooks}/lib/otp-limiter.js`);
  if (!limiter.mayMail(e.record)) throw new TooManyRequestsError(limiter.MAILS_MESSAGE);
  e.next();
}, "users");

onMailerRecordOTPSend((e) => {
  const mail = require(`${__hooks}/lib/mail-texts.js`).otpMail(e.record, e.meta.password);
  e.message.subject = mail.subject;
  e.message.html = mail.html;
  e.message.text = mail.text;
  const outcome = require(`${__hooks}/lib/otp-mail.js`);
  try {
    e.next();
  } catch (err) {
    outcome.recordOutcome(e.app, e.meta.otpId, false);
    outcome.forgetNewAccount(e.app, e.record);
    throw err;
  }
  outcome.recordOutcome(e.app, e.meta.otpId, true);
  outcome.sent(e.app, e.record);
}, "users");

// Did the code mail go out? The app asks after "send me a code" (pb_hooks/lib/otp-mail.js).
routerAdd("GET", "/api/coffice/otp-status/{id}", (e) => {
  const id = e.request.pathValue("id");
  if (!/^[a-z0-9]{15}$/.test(id)) throw new BadRequestError("That is not a code request id (15 letters and digits).");
  return e.json(200, { status: require(`${__hooks}/lib/otp-mail.js`).statusOf(e.app, id) });
});

onMailerRecordPasswordResetSend((e) => {
  const appURL = e.app.settings().meta.appURL;
  const mail = require(`${__hooks}/lib/mail-texts.js`).resetMail(e.record, appURL, e.meta.token);
  e.message.subject = mail.subject;
  e.message.html = mail.html;
  e.message.text = mail.text;
  e.next();
}, "users");

cronAdd("coffice-sign-up-warnings", "* * * * *", () => {
  require(`${__hooks}/lib/sign-up.js`).sendWarnings($app);
});

// Mail goes through the SMTP server named in the environment (README, Configuration).
// Applied in memory at every start, not saved by this hook, so the variables win over what
// was set in the admin UI for as long as they are set.
onBootstrap((e) => {
  e.next();
  const env = (name) => String($os.getenv(name) || "").trim();
  const host = env("COFFICE_SMTP_HOST");
  const settings = e.app.settings();
  if (host) {
    settings.smtp.enabled = true;
    settings.smtp.host = host;
    settings.smtp.port = parseInt(env("COFFICE_SMTP_PORT") || "587", 10);
    settings.smtp.username = env("COFFICE_SMTP_USER");
    settings.smtp.password = env("COFFICE_SMTP_PASSWORD");
    settings.smtp.tls = env("COFFICE_SMTP_TLS") === "true";
    if (env("COFFICE_MAIL_FROM")) settings.meta.senderAddress = env("COFFICE_MAIL_FROM");
  }
  if (env("COFFICE_APP_URL")) settings.meta.appURL = env("COFFICE_APP_URL");
});
