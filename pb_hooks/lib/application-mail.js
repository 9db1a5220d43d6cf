// The mails about an application (lib/applications.js), through the notices worker: the
// applicant's receipt, the hosts' "a new application came", the invitation of an accepted
// applicant (a link to choose a password, then sign in) and the answer to a declined one.
// In the applicant's language (chosen on /join) or the host's own.
const TEXTS = {
  sv: {
    received: (a, days) => ({
      subject: "Vi har fått din ansökan till Coffice",
      lead:
        "Hej " +
        a.contact_name +
        "! Tack för ansökan för " +
        a.company +
        ". Vi har tagit emot den och svarar inom " +
        days +
        " arbetsdagar, till den här adressen.",
    }),
    new: (a) => ({
      subject: "Ny ansökan: " + a.company,
      lead: a.contact_name + " (" + a.company + ") har ansökt om medlemskap. Svara i appen under Värd → Ansökningar.",
    }),
    invited: (a) => ({
      subject: "Välkommen som medlem i Coffice",
      lead:
        "Hej " +
        a.contact_name +
        "! Din ansökan för " +
        a.company +
        " är godkänd och du är nu medlem. Välj ett lösenord med länken nedan (den gäller i 14 dagar) och logga sedan in i appen med din e-postadress. Du kan också alltid logga in med en kod via e-post.",
    }),
    declined: (a) => ({
      subject: "Svar på din ansökan till Coffice",
      lead:
        "Hej " +
        a.contact_name +
        "! Tack för ditt intresse för Coffice. Vi kan tyvärr inte erbjuda " +
        a.company +
        " medlemskap just nu. Du är alltid välkommen på våra frukostmöten och föreläsningar.",
    }),
    note: "Värden skriver:",
    seat: { fixed: "Fast plats", flex: "Flexibel plats", rooms: "Konferensrum" },
    labels: {
      company: "Företag",
      contact: "Kontakt",
      email: "E-post",
      phone: "Telefon",
      trade: "Bransch",
      seat: "Söker",
      message: "Meddelande",
    },
    choose: "Välj lösenord",
    open: "Öppna ansökningarna",
    programme: "Se programmet",
    why: "Du får det här mejlet för att någon skickade en ansökan med den här adressen på Coffice.",
    whyHost: "Du får det här mejlet för att du är värd på Coffice.",
  },
  en: {
    received: (a, days) => ({
      subject: "We got your application to Coffice",
      lead:
        "Hello " +
        a.contact_name +
        ", thank you for applying for " +
        a.company +
        ". We have received it and will answer within " +
        days +
        " working days, to this address.",
    }),
    new: (a) => ({
      subject: "New application: " + a.company,
      lead: a.contact_name + " (" + a.company + ") has applied for membership. Answer in the app under Host → Applications.",
    }),
    invited: (a) => ({
      subject: "Welcome as a member of Coffice",
      lead:
        "Hello " +
        a.contact_name +
        ", your application for " +
        a.company +
        " is accepted and you are a member now. Choose a password with the link below (it works for 14 days), then sign in to the app with your email address. You can always sign in with a code by email, too.",
    }),
    declined: (a) => ({
      subject: "About your application to Coffice",
      lead:
        "Hello " +
        a.contact_name +
        ", thank you for your interest in Coffice. Sadly we cannot offer " +
        a.company +
        " a membership right now. You are always welcome at our breakfast meetings and talks.",
    }),
    note: "The host writes:",
    seat: { fixed: "Fixed desk", flex: "Flexible desk", rooms: "Meeting rooms" },
    labels: {
      company: "Company",
      contact: "Contact",
      email: "Email",
      phone: "Phone",
      trade: "Trade",
      seat: "Looking for",
      message: "Message",
    },
    choose: "Choose a password",
    open: "Open the applications",
    programme: "See the programme",
    why: "You get this mail because someone sent an application with this address at Coffice.",
    whyHost: "You get this mail because you are a host at Coffice.",
  },
};

function dataOf(notice) {
  try {
    return JSON.parse(notice.getString("data") || "{}") || {};
  } catch (_) {
    return {};
  }
}

/** The mail of an `application` notice: { to, subject, text, html, unsubscribe? }. */
function composeApplicationMail(app, notice) {
  const shared = require(`${__hooks}/lib/notice-mail.js`);
  const { ANSWER_DAYS, invitationToken } = require(`${__hooks}/lib/applications.js`);
  const data = dataOf(notice);
  const step = TEXTS.sv[data.step] ? data.step : "received";
  const application = app.findRecordById("applications", notice.getString("application"));
  const a = {
    company: application.getString("company"),
    contact_name: application.getString("contact_name"),
  };
  let user = null;
  if (notice.getString("user")) user = app.findRecordById("users", notice.getString("user"));
  const lang = user ? shared.languageOf(user) : application.getString("locale") === "en" ? "en" : "sv";
  const t = TEXTS[lang];
  const words = t[step](a, ANSWER_DAYS);
  const base = shared.appUrlOf(app);
  const venue = shared.venueOf(app);
  const paragraphs = [words.lead];
  if (step === "declined" && data.note) paragraphs.push(t.note + "\n" + String(data.note));
  const rows = [];
  if (step === "new" || step === "received") {
    rows.push([t.labels.company, a.company]);
    rows.push([t.labels.contact, a.contact_name]);
    rows.push([t.labels.email, application.getString("email")]);
    if (application.getString("phone")) rows.push([t.labels.phone, application.getString("phone")]);
    if (application.getString("trade")) rows.push([t.labels.trade, application.getString("trade")]);
    rows.push([t.labels.seat, t.seat[application.getString("seat")] || application.getString("seat")]);
    if (application.getString("message")) rows.push([t.labels.message, application.getString("message")]);
  }
  let link = null;
  if (step === "new") link = [t.open, base + "/host/applications"];
  else if (step === "invited" && user) link = [t.choose, base + "/me/reset?token=" + encodeURIComponent(invitationToken(user))];
  else if (step === "declined") link = [t.programme, base + "/"];
  const to = user ? user.email() : notice.getString("email");
  const unsubscribe = user && step === "new" ? shared.unsubscribeUrl(app, user.id) : "";
  const why = step === "new" ? t.whyHost : t.why;
  const text = [
    paragraphs.join("\n\n"),
    rows.map((r) => r[0] + ": " + r[1]).join("\n"),
    link ? link[0] + ": " + link[1] : "",
    "—\n" + venue.name + (venue.address ? ", " + venue.address : ""),
    why,
  ]
    .filter(Boolean)
    .join("\n\n");
  const html = shared.mailHtml({
    lang: lang,
    venue: venue,
    heading: words.subject,
    paragraphs: paragraphs,
    rows: rows,
    link: link,
    why: why,
    footerLinks: [],
  });
  return { to: to, subject: words.subject, text: text, html: html, ics: null, unsubscribe: unsubscribe };
}

module.exports = { composeApplicationMail, TEXTS };
