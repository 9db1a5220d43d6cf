// The one-time code, password-reset and "someone tried to sign up with your address" mails, in
// the person's own language.
function escapeHtml(text) {
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const TEXTS = {
  sv: {
    otpSubject: (code) => "Din kod till Coffice: " + code,
    otpBody: (code) => "Din engångskod är " + code + ". Den gäller i 10 minuter. Har du inte bett om den kan du strunta i det här mejlet.",
    resetSubject: () => "Nytt lösenord till Coffice",
    resetBody: () => "Öppna länken för att välja ett nytt lösenord. Har du inte bett om det kan du strunta i det här mejlet.",
    resetLink: () => "Välj nytt lösenord",
    signUpSubject: () => "Någon försökte skapa ett konto med din adress",
    signUpBody: () =>
      "Någon, kanske du, försökte just skapa ett nytt konto på Coffice med den här adressen. Du har redan ett konto, så inget nytt skapades och inget ändrades. Logga in med ditt lösenord eller med en kod via e-post, eller välj ”Glömt lösenordet?” om du inte minns det. Var det inte du kan du strunta i det här mejlet.",
    signUpLink: () => "Logga in på Coffice",
  },
  en: {
    otpSubject: (code) => "Your Coffice code: " + code,
    otpBody: (code) => "Your one-time code is " + code + ". It is valid for 10 minutes. If you did not ask for it, ignore this mail.",
    resetSubject: () => "A new password for Coffice",
    resetBody: () => "Open the link to choose a new password. If you did not ask for it, ignore this mail.",
    resetLink: () => "Choose a new password",
    signUpSubject: () => "Someone tried to create an account with your address",
    signUpBody: () =>
      "Someone, perhaps you, just tried to create a new Coffice account with this address. You already have an account, so nothing new was made and nothing was changed. Sign in with your password or with a code by email, or choose “Forgotten password?” if you do not remember it. If it was not you, ignore this mail.",
    signUpLink: () => "Sign in to Coffice",
  },
};

function textsFor(record) {
  return record && record.getString("locale") === "en" ? TEXTS.en : TEXTS.sv;
}

function otpMail(record, code) {
  const t = textsFor(record);
  const body = t.otpBody(code);
  return { subject: t.otpSubject(code), text: body, html: "<p>" + escapeHtml(body) + "</p>" };
}

function resetMail(record, appURL, token) {
  const t = textsFor(record);
  const link = String(appURL || "").replace(/\/+$/, "") + "/me/reset?token=" + encodeURIComponent(token);
  return {
    subject: t.resetSubject(),
    text: t.resetBody() + "\n\n" + link,
    html: "<p>" + escapeHtml(t.resetBody()) + '</p><p><a href="' + escapeHtml(link) + '">' + escapeHtml(t.resetLink()) + "</a></p>",
  };
}

/** To the owner of an address someone tried to sign up with again. */
function signUpWarningMail(record, appURL) {
  const t = textsFor(record);
  const link = String(appURL || "").replace(/\/+$/, "") + "/me";
  return {
    subject: t.signUpSubject(),
    text: t.signUpBody() + "\n\n" + link,
    html: "<p>" + escapeHtml(t.signUpBody()) + '</p><p><a href="' + escapeHtml(link) + '">' + escapeHtml(t.signUpLink()) + "</a></p>",
  };
}

module.exports = { otpMail, resetMail, signUpWarningMail };
