// The mails of notices (lib/notices.js): in the person's language, times on the venue's
// clock, the venue's name and address, plain HTML (inline styles, no images) with a text part,
// the pass link and an .ics for a confirmation, and a one-click unsubscribe (RFC 8058).
const SECRET_FILE = "coffice-unsubscribe.key";

const MONTHS = {
  sv: ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};
const WEEKDAYS = {
  sv: ["söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"],
  en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
};

const TEXTS = {
  sv: {
    confirmed: (t) => ({ subject: "Du är anmäld: " + t, lead: "Välkommen! Du har en plats på " + t + ". Visa ditt passerkort i dörren." }),
    waitlisted: (t, d) => ({
      subject: "Du står på väntelistan: " + t,
      lead:
        "Det är fullt på " +
        t +
        ", så du står på väntelistan" +
        (d.position ? " som nummer " + d.position : "") +
        ". Får du en plats mejlar vi dig.",
    }),
    promoted: (t) => ({ subject: "Du fick en plats: " + t, lead: "En plats blev ledig och den är din. Visa ditt passerkort i dörren." }),
    changed: (t) => ({ subject: "Ändrat: " + t, lead: "Tid eller plats för " + t + " har ändrats." }),
    cancelled: (t) => ({ subject: "Inställt: " + t, lead: t + " är tyvärr inställt. Ditt passerkort gäller inte längre." }),
    reminder: (t) => ({ subject: "I morgon: " + t, lead: "En påminnelse: du är anmäld till " + t + " i morgon." }),
    welcome: () => ({
      subject: "Välkommen som medlem i Coffice",
      lead: "Du är nu medlem. Ditt medlemskort finns i appen under Passerkort.",
    }),
    application: () => ({ subject: "Din ansökan till Coffice", lead: "Tack för din ansökan. Vi hör av oss." }),
    message: (t) => ({ subject: "Meddelande om " + t, lead: "Värden för " + t + " skriver:" }),
    when: "När",
    where: "Var",
    was: "Förut",
    now: "Nu",
    pass: "Öppna passerkortet",
    open: "Öppna i appen",
    settings: "Välj vilka aviseringar du får",
    unsubscribe: "Avsluta alla aviseringar via e-post",
    why: "Du får det här mejlet för att du använder Coffice.",
  },
  en: {
    confirmed: (t) => ({
      subject: "You are registered: " + t,
      lead: "Welcome! You have a place at " + t + ". Show your pass at the door.",
    }),
    waitlisted: (t, d) => ({
      subject: "You are on the waitlist: " + t,
      lead:
        t +
        " is full, so you are on the waitlist" +
        (d.position ? " as number " + d.position : "") +
        ". If you get a place, we will mail you.",
    }),
    promoted: (t) => ({ subject: "You got a place: " + t, lead: "A place became free and it is yours. Show your pass at the door." }),
    changed: (t) => ({ subject: "Changed: " + t, lead: "The time or place of " + t + " has changed." }),
    cancelled: (t) => ({ subject: "Cancelled: " + t, lead: "Sorry, " + t + " has been cancelled. Your pass is no longer valid." }),
    reminder: (t) => ({ subject: "Tomorrow: " + t, lead: "A reminder: you are registered for " + t + " tomorrow." }),
    welcome: () => ({
      subject: "Welcome as a member of Coffice",
      lead: "You are a member now. Your member pass is in the app under Passes.",
    }),
    application: () => ({ subject: "Your application to Coffice", lead: "Thank you for applying. We will be in touch." }),
    message: (t) => ({ subject: "A message about " + t, lead: "The host of " + t + " writes:" }),
    when: "When",
    where: "Where",
    was: "Before",
    now: "Now",
    pass: "Open the pass",
    open: "Open in the app",
    settings: "Choose which notices you get",
    unsubscribe: "Stop all notices by mail",
    why: "You get this mail because you use Coffice.",
  },
};

function escapeHtml(text) {
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function languageOf(user) {
  return user.getString("locale") === "en" ? "en" : "sv";
}

const pad = (n) => (n < 10 ? "0" : "") + n;

/** "söndag 28 mars 2027 09:00–10:00" / "Sunday 28 March 2027, 09:00–10:00", on the venue's clock. */
function venueSpan(lang, startsMs, endsMs) {
  const { venueWallClock } = require(`${__hooks}/lib/vendor/venue-clock.js`);
  const a = venueWallClock(startsMs);
  const b = venueWallClock(endsMs);
  const weekday = WEEKDAYS[lang][new Date(Date.UTC(a.year, a.month - 1, a.day)).getUTCDay()];
  const date = weekday + " " + a.day + " " + MONTHS[lang][a.month - 1] + " " + a.year;
  const sameDay = a.year === b.year && a.month === b.month && a.day === b.day;
  const end = (sameDay ? "" : b.day + " " + MONTHS[lang][b.month - 1] + " ") + pad(b.hour) + ":" + pad(b.minute);
  return date + (lang === "en" ? ", " : " ") + pad(a.hour) + ":" + pad(a.minute) + "–" + end;
}

function millis(record, field) {
  return record.getDateTime(field).time().unixMilli();
}

function venueOf(app) {
  try {
    const venue = app.findRecordById("venue", "venuesettings01");
    return { name: venue.getString("name"), address: venue.getString("address") };
  } catch (_) {
    return { name: "Coffice", address: "" };
  }
}

function spaceName(app, id) {
  if (!id) return "";
  try {
    return app.findRecordById("spaces", id).getString("name");
  } catch (_) {
    return "";
  }
}

function appUrlOf(app) {
  const url = String($os.getenv("COFFICE_APP_URL") || app.settings().meta.appURL || "").trim();
  return url.replace(/\/+$/, "");
}

// ---- unsubscribe token: HMAC-SHA256 of the user id with a secret kept in the data folder

function secret(app) {
  const file = app.dataDir() + "/" + SECRET_FILE;
  try {
    const key = toString($os.readFile(file)).trim();
    if (key.length >= 32) return key;
  } catch (_) {
    // made below on first use
  }
  const key = $security.randomString(48);
  $os.writeFile(file, key, 384 /* 0600 */);
  return key;
}

function unsubscribeToken(app, userId) {
  return $security.hs256(userId, secret(app));
}

function validUnsubscribe(app, userId, token) {
  if (!/^[a-z0-9]{15}$/.test(String(userId || "")) || !token) return false;
  return $security.equal(unsubscribeToken(app, userId), String(token));
}

function unsubscribeUrl(app, userId) {
  return appUrlOf(app) + "/api/coffice/unsubscribe?u=" + userId + "&t=" + unsubscribeToken(app, userId);
}

// ---- the mail

function passOf(app, registrationId) {
  if (!registrationId) return null;
  const passes = app.findRecordsByFilter("passes", "registration = {:reg} && revoked = false", "-created", 1, 0, { reg: registrationId });
  return passes.length ? passes[0] : null;
}

function parseData(notice) {
  try {
    return JSON.parse(notice.getString("data") || "{}") || {};
  } catch (_) {
    return {};
  }
}

/**
 * The HTML of every mail the server sends about notices and applications: the venue's name, a
 * heading, paragraphs, a table of [label, value] rows, one button, and a footer saying why the
 * mail came (with optional links). Every text is escaped here.
 */
function mailHtml({ lang, venue, heading, paragraphs, rows, link, why, footerLinks }) {
  const font = "font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;";
  const muted = "color:#7b6f5f;";
  return (
    '<!doctype html><html lang="' +
    lang +
    '"><body style="margin:0;padding:0;background:#f4f1ec;' +
    font +
    '"><div style="max-width:560px;margin:0 auto;padding:24px 16px;">' +
    '<div style="background:#ffffff;border-radius:12px;padding:24px;color:#1f2933;">' +
    '<p style="margin:0 0 16px;font-size:13px;letter-spacing:.05em;text-transform:uppercase;' +
    muted +
    '">' +
    escapeHtml(venue.name) +
    "</p>" +
    (heading ? '<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;">' + escapeHtml(heading) + "</h1>" : "") +
    paragraphs
      .map((p) => '<p style="margin:0 0 12px;font-size:16px;line-height:1.5;white-space:pre-line;">' + escapeHtml(p) + "</p>")
      .join("") +
    (rows.length
      ? '<table role="presentation" style="border-collapse:collapse;margin:8px 0 16px;font-size:15px;">' +
        rows
          .map(
            (r) =>
              '<tr><td style="padding:4px 12px 4px 0;' +
              muted +
              'vertical-align:top;">' +
              escapeHtml(r[0]) +
              '</td><td style="padding:4px 0;white-space:pre-line;">' +
              escapeHtml(r[1]) +
              "</td></tr>",
          )
          .join("") +
        "</table>"
      : "") +
    (link
      ? '<p style="margin:16px 0 0;"><a href="' +
        escapeHtml(link[1]) +
        '" style="display:inline-block;background:#2f5d50;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:8px;font-weight:600;">' +
        escapeHtml(link[0]) +
        "</a></p>"
      : "") +
    "</div>" +
    '<p style="margin:16px 8px 0;font-size:12px;line-height:1.5;' +
    muted +
    '">' +
    escapeHtml(venue.name + (venue.address ? ", " + venue.address : "")) +
    "<br>" +
    escapeHtml(why) +
    (footerLinks || [])
      .map((l, i) => (i === 0 ? " " : " · ") + '<a href="' + escapeHtml(l[1]) + '" style="' + muted + '">' + escapeHtml(l[0]) + "</a>")
      .join("") +
    "</p></div></body></html>"
  );
}

/** The mail of a notice: { subject, text, html, ics? (the calendar text for a confirmation) }. */
function composeNoticeMail(app, notice) {
  // applications have their own words, and an applicant has no account (lib/application-mail.js)
  if (notice.getString("kind") === "application") return require(`${__hooks}/lib/application-mail.js`).composeApplicationMail(app, notice);
  const user = app.findRecordById("users", notice.getString("user"));
  const lang = languageOf(user);
  const t = TEXTS[lang];
  const kind = notice.getString("kind");
  const data = parseData(notice);
  const base = appUrlOf(app);
  const venue = venueOf(app);
  let event = null;
  if (notice.getString("event")) {
    try {
      event = app.findRecordById("events", notice.getString("event"));
    } catch (_) {
      event = null;
    }
  }
  const title = event ? event.getString("title") : "";
  const words = t[kind](title, data);
  const rows = []; // [label, value]
  const paragraphs = [words.lead];
  if (kind === "message" && data.text) paragraphs.push(String(data.text));
  if (event) {
    const place = [spaceName(app, event.getString("space")), venue.name, venue.address].filter(Boolean).join(", ");
    if (kind === "changed" && data.old) {
      const oldPlace = [data.old.space, venue.name].filter(Boolean).join(", ");
      rows.push([t.was, venueSpan(lang, Date.parse(data.old.starts), Date.parse(data.old.ends)) + " · " + oldPlace]);
      rows.push([t.now, venueSpan(lang, millis(event, "starts"), millis(event, "ends")) + " · " + place]);
    } else {
      rows.push([t.when, venueSpan(lang, millis(event, "starts"), millis(event, "ends"))]);
      rows.push([t.where, place]);
    }
  }
  let link;
  const pass =
    (kind === "confirmed" || kind === "promoted" || kind === "reminder") && data.registration ? passOf(app, data.registration) : null;
  if (pass) link = [t.pass, base + "/passes/" + pass.id];
  else if (event) link = [t.open, base + "/events/" + event.id];
  else link = [t.open, base + "/passes"];

  const settingsUrl = base + "/me#notices";
  const unsubscribe = unsubscribeUrl(app, user.id);
  const text = [
    paragraphs.join("\n\n"),
    rows.map((r) => r[0] + ": " + r[1]).join("\n"),
    link[0] + ": " + link[1],
    "—\n" + venue.name + (venue.address ? ", " + venue.address : ""),
    t.why + "\n" + t.settings + ": " + settingsUrl + "\n" + t.unsubscribe + ": " + unsubscribe,
  ]
    .filter(Boolean)
    .join("\n\n");
  const html = mailHtml({
    lang: lang,
    venue: venue,
    heading: title,
    paragraphs: paragraphs,
    rows: rows,
    link: link,
    why: t.why,
    footerLinks: [
      [t.settings, settingsUrl],
      [t.unsubscribe, unsubscribe],
    ],
  });

  let ics = null;
  if ((kind === "confirmed" || kind === "promoted") && event) {
    const { buildCalendar } = require(`${__hooks}/lib/vendor/calendar-builder.js`);
    const place = [spaceName(app, event.getString("space")), venue.name, venue.address].filter(Boolean).join(", ");
    ics = buildCalendar(
      [
        {
          id: event.id,
          title: title,
          summary: event.getString("summary"),
          description: event.getString("description"),
          speaker: event.getString("speaker"),
          room: place,
          starts: millis(event, "starts"),
          ends: millis(event, "ends"),
          updated: millis(event, "updated"),
          cancelled: false,
          waitlisted: false,
          url: base + "/events/" + event.id,
        },
      ],
      lang === "en"
        ? { calendarName: "Coffice", cancelled: "CANCELLED", waitlisted: "Waitlist", speaker: "Speaker" }
        : { calendarName: "Coffice", cancelled: "INSTÄLLT", waitlisted: "Väntelista", speaker: "Talare" },
    );
  }
  return { to: user.email(), subject: words.subject, text: text, html: html, ics: ics, unsubscribe: unsubscribe };
}

/** Sends the notice's mail; throws when the mail server does not take it. */
function sendNoticeMail(app, notice) {
  const mail = composeNoticeMail(app, notice);
  const settings = app.settings();
  const message = {
    from: { address: settings.meta.senderAddress, name: settings.meta.senderName },
    to: [{ address: mail.to }],
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    headers: { "Auto-Submitted": "auto-generated" },
  };
  // an applicant without an account gets no notices to stop: their mails answer their own request
  if (mail.unsubscribe) {
    message.headers["List-Unsubscribe"] = "<" + mail.unsubscribe + ">";
    message.headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  }
  // the mailer takes attachments as readers
  let reader = null;
  if (mail.ics) {
    reader = $filesystem.fileFromBytes(mail.ics, "event.ics").reader.open();
    message.attachments = { "event.ics": reader };
  }
  try {
    app.newMailClient().send(new MailerMessage(message));
  } finally {
    if (reader) reader.close();
  }
}

module.exports = {
  composeNoticeMail,
  sendNoticeMail,
  unsubscribeToken,
  unsubscribeUrl,
  validUnsubscribe,
  venueSpan,
  languageOf,
  mailHtml,
  venueOf,
  appUrlOf,
  TEXTS,
};
