// Signing up with an address that already has an account answers exactly as a new sign-up
// would, so nobody learns who has an account; the owner is told by mail instead (at most
// once an hour, sent by a cron so the answer does not wait for the mail server).
const WARNINGS = "coffice:sign-up-warnings";
const WARNED = "coffice:sign-up-warned:";
const WARN_EVERY_SECONDS = 60 * 60;

/**
 * Runs the sign-up as for a new address (every rule, field and password check alike); when
 * the only thing wrong is that the address is taken, answers with a look-alike of the
 * account it would have made, and queues a word to the owner.
 */
function answerAsNew(e, owner) {
  try {
    e.next();
    return;
  } catch (err) {
    const problem = err && err.value;
    const fields = problem && problem.status === 400 && problem.data ? Object.keys(problem.data) : [];
    if (fields.length !== 1 || fields[0] !== "email" || problem.data.email.code !== "validation_not_unique") throw err;
  }
  queueWarning(owner);
  const lookalike = e.record;
  if (!lookalike.id) lookalike.set("id", $security.randomStringWithAlphabet(15, "abcdefghijklmnopqrstuvwxyz0123456789"));
  const now = new DateTime();
  if (!lookalike.getString("created")) lookalike.set("created", now);
  if (!lookalike.getString("updated")) lookalike.set("updated", now);
  $apis.enrichRecord(e.requestEvent, lookalike);
  return e.json(200, lookalike);
}

function queueWarning(owner) {
  const now = Date.now() / 1000;
  let due = false;
  $app.store().setFunc(WARNED + owner.id, (old) => {
    due = !old || now - old >= WARN_EVERY_SECONDS;
    return due ? now : old;
  });
  if (!due) return;
  $app.store().setFunc(WARNINGS, (old) => {
    const list = old ? JSON.parse(old) : [];
    list.push(owner.id);
    return JSON.stringify(list);
  });
}

/** Mails every queued owner (the cron's work). */
function sendWarnings(app) {
  let ids = [];
  $app.store().setFunc(WARNINGS, (old) => {
    ids = old ? JSON.parse(old) : [];
    return "[]";
  });
  if (!ids.length) return;
  const settings = app.settings();
  const texts = require(`${__hooks}/lib/mail-texts.js`);
  ids.forEach((id) => {
    try {
      const owner = app.findRecordById("users", id);
      const mail = texts.signUpWarningMail(owner, settings.meta.appURL);
      app.newMailClient().send(
        new MailerMessage({
          from: { address: settings.meta.senderAddress, name: settings.meta.senderName },
          to: [{ address: owner.email() }],
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
        }),
      );
    } catch (err) {
      app.logger().warn("Could not warn an account owner about a sign-up with their address", "user", id, "error", String(err));
    }
  });
}

/** Forgets whom it warned more than an hour ago (run from a cron, so memory does not grow). */
function forgetOld() {
  const now = Date.now() / 1000;
  const all = $app.store().getAll();
  Object.keys(all).forEach((key) => {
    if (key.indexOf(WARNED) === 0 && now - all[key] >= WARN_EVERY_SECONDS) $app.store().remove(key);
  });
}

module.exports = { answerAsNew, sendWarnings, forgetOld };
