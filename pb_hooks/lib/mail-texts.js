// The one-time code and password-reset mails, in the person's own language.
function escapeHtml(text) {
  return String(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

const TEXTS = {
  sv: {
    otpSubject: (code) => "Din kod till Coffice: " + code,
    otpBody: (code) => "Din engångskod är " + code + ". Den gäller i 10 minuter. Har du inte bett om den kan du strunta i det här mejlet.",
    resetSubject: () => "Nytt lösenord till Coffice",
    resetBody: () => "Öppna länken för att välja ett nytt lösenord. Har du inte bett om det kan du strunta i det här mejlet.",
    resetLink: () => "Välj nytt lösenord",
  },
  en: {
    otpSubject: (code) => "Your Coffice code: " + code,
    otpBody: (code) => "Your one-time code is " + code + ". It is valid for 10 minutes. If you did not ask for it, ignore this mail.",
    resetSubject: () => "A new password for Coffice",
    resetBody: () => "Open the link to choose a new password. If you did not ask for it, ignore this mail.",
    resetLink: () => "Choose a new password",
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

module.exports = { otpMail, resetMail };
