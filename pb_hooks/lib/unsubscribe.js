// The one-click unsubscribe of notice mails (RFC 8058; the link: lib/notice-mail.js). GET shows
// a small page that asks; POST (a mail program's one click, or the page's button) sets
// `mail_notices` to none. A forged or missing token changes nothing.
function unsubscribePage(e, status, lang, title, text, form) {
  const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const html =
    '<!doctype html><html lang="' +
    lang +
    '"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>' +
    esc(title) +
    '</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1f2933">' +
    '<h1 style="font-size:1.4rem">' +
    esc(title) +
    "</h1><p>" +
    esc(text) +
    "</p>" +
    (form || "") +
    "</body></html>";
  e.response.header().set("Cache-Control", "no-store");
  return e.html(status, html);
}

const UNSUBSCRIBE_WORDS = {
  sv: {
    ask: "Avsluta aviseringar via e-post?",
    askText: "Du får då inga mejl om anmälningar, ändringar eller påminnelser, bara inloggningskoder. Du kan ändra det under Jag i appen.",
    button: "Avsluta",
    done: "Klart",
    doneText: "Du får inga fler aviseringar via e-post. Du kan slå på dem igen under Jag i appen.",
  },
  en: {
    ask: "Stop notices by mail?",
    askText:
      "You will then get no mails about registrations, changes or reminders, only sign-in codes. You can change it under Me in the app.",
    button: "Stop",
    done: "Done",
    doneText: "You will get no more notices by mail. You can turn them on again under Me in the app.",
  },
};
const BAD_LINK = {
  title: "Ogiltig länk · Invalid link",
  text: "Länken är inte hel eller inte giltig: inget ändrades. · This link is incomplete or not valid: nothing was changed.",
};

function unsubscribeTarget(e) {
  const query = e.request.url.query();
  const userId = query.get("u");
  const token = query.get("t");
  if (!require(`${__hooks}/lib/notice-mail.js`).validUnsubscribe(e.app, userId, token)) return null;
  try {
    return e.app.findRecordById("users", userId);
  } catch (_) {
    return null;
  }
}

function showPage(e) {
  const user = unsubscribeTarget(e);
  if (!user) return unsubscribePage(e, 400, "sv", BAD_LINK.title, BAD_LINK.text);
  const lang = user.getString("locale") === "en" ? "en" : "sv";
  const w = UNSUBSCRIBE_WORDS[lang];
  const query = e.request.url.query();
  const action = "?u=" + encodeURIComponent(query.get("u")) + "&t=" + encodeURIComponent(query.get("t"));
  const form =
    '<form method="post" action="' +
    action.replace(/&/g, "&amp;") +
    '"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit" style="font-size:1rem;padding:.6rem 1.2rem">' +
    w.button +
    "</button></form>";
  return unsubscribePage(e, 200, lang, w.ask, w.askText, form);
}

function unsubscribe(e) {
  const user = unsubscribeTarget(e);
  const wantsJson = String(e.request.header.get("Accept") || "").indexOf("application/json") !== -1;
  if (!user) {
    if (wantsJson) throw new BadRequestError("This unsubscribe link is incomplete or not valid: nothing was changed.");
    return unsubscribePage(e, 400, "sv", BAD_LINK.title, BAD_LINK.text);
  }
  user.set("mail_notices", "none");
  e.app.saveNoValidate(user);
  if (wantsJson) return e.json(200, { mail_notices: "none" });
  const lang = user.getString("locale") === "en" ? "en" : "sv";
  return unsubscribePage(e, 200, lang, UNSUBSCRIBE_WORDS[lang].done, UNSUBSCRIBE_WORDS[lang].doneText);
}

module.exports = { showPage, unsubscribe };
