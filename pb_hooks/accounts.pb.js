/// <reference path="../pb_data/types.d.ts" />
// Signing up and in: password rules, passwordless sign-up with a one-time code, the
// mails in the person's language, and SMTP from the environment.

// Sign-up and password changes: long enough and not a common password.
// Operators (superusers) are trusted to choose.
onRecordCreateRequest((e) => {
  if (!e.hasSuperuserAuth()) {
    require(`${__hooks}/lib/password-policy.js`).requireGoodPassword(e.requestInfo().body.password);
  }
  e.next();
}, "users");

onRecordUpdateRequest((e) => {
  const body = e.requestInfo().body;
  if (body.password !== undefined && !e.hasSuperuserAuth()) require(`${__hooks}/lib/password-policy.js`).requireGoodPassword(body.password);
  e.next();
}, "users");

onRecordConfirmPasswordResetRequest((e) => {
  require(`${__hooks}/lib/password-policy.js`).requireGoodPassword(e.requestInfo().body.password);
  e.next();
}, "users");

// A code asked for an unknown address signs the person up as a guest on the spot (the
// mail proves the address; nobody else learns whether it was known).
onRecordRequestOTPRequest((e) => {
  if (!e.record) {
    const body = e.requestInfo().body;
    const person = new Record(e.collection);
    person.setEmail(String(body.email).trim());
    person.setEmailVisibility(true);
    person.setRandomPassword();
    person.set("role", "guest");
    person.set("locale", body.locale === "en" ? "en" : "sv");
    e.app.save(person);
    e.record = person;
  }
  e.next();
}, "users");

onMailerRecordOTPSend((e) => {
  const mail = require(`${__hooks}/lib/mail-texts.js`).otpMail(e.record, e.meta.password);
  e.message.subject = mail.subject;
  e.message.html = mail.html;
  e.message.text = mail.text;
  e.next();
}, "users");

onMailerRecordPasswordResetSend((e) => {
  const appURL = e.app.settings().meta.appURL;
  const mail = require(`${__hooks}/lib/mail-texts.js`).resetMail(e.record, appURL, e.meta.token);
  e.message.subject = mail.subject;
  e.message.html = mail.html;
  e.message.text = mail.text;
  e.next();
}, "users");

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
