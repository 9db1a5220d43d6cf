// An event's participants as CSV for hosts: confirmed first, then the waitlist in order.
// Semicolons, since Excel set to Swedish expects them (comma is its decimal sign), and a
// byte order mark so it reads the file as UTF-8 (å, ä, ö).
const { activeRegistrations } = require(`${__hooks}/lib/events.js`);

const BOM = "\uFEFF";
// Header and values in the host's language (the app sends it as ?lang=); a walk-in's
// placeholder address is not an address, so its cell says what it is.
const WORDS = {
  sv: {
    header: ["status", "plats", "namn", "e-post", "anmäld (svensk tid)"],
    confirmed: "bekräftad",
    waitlisted: "väntelista",
    walkIn: "insläppt vid dörren, ingen e-post",
  },
  en: {
    header: ["status", "place", "name", "email", "registered (Stockholm time)"],
    confirmed: "confirmed",
    waitlisted: "waitlisted",
    walkIn: "walk-in, no e-mail",
  },
};

// Spreadsheets skip leading spaces before deciding a cell is a formula, so these are looked
// past; a tab or line break at the start counts as a formula start on its own (OWASP).
const LEADING_SPACE = /^[\s\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+/;
const FORMULA_START = /^[=+\-@]/;

/** One CSV field: quoted when needed, and never read by a spreadsheet as a formula. */
function field(value) {
  let text = String(value === undefined || value === null ? "" : value);
  if (/^[\t\r\n]/.test(text) || FORMULA_START.test(text.replace(LEADING_SPACE, ""))) text = "'" + text;
  if (/[";\r\n]/.test(text)) text = '"' + text.replace(/"/g, '""') + '"';
  return text;
}

/** `YYYY-MM-DD HH:MM` on the venue's clock (the same code as the app's, bundled). */
function venueTime(dateTime) {
  const { venueWallClock } = require(`${__hooks}/lib/vendor/venue-clock.js`);
  const c = venueWallClock(dateTime.time().unixMilli());
  const pad = (n) => (n < 10 ? "0" : "") + n;
  return c.year + "-" + pad(c.month) + "-" + pad(c.day) + " " + pad(c.hour) + ":" + pad(c.minute);
}

function participantsCsv(app, eventId, lang) {
  const words = WORDS[lang] || WORDS.en;
  const rows = [words.header];
  ["confirmed", "waitlisted"].forEach((status) => {
    activeRegistrations(app, eventId, status).forEach((registration, index) => {
      let name = "";
      let email = "";
      try {
        const user = app.findRecordById("users", registration.getString("user"));
        name = user.getString("name");
        email = user.email();
        if (/@walk-in\.invalid$/i.test(email)) email = words.walkIn;
      } catch (_) {
        // an account gone since: the row keeps its place without a name
      }
      rows.push([words[status], index + 1, name, email, venueTime(registration.getDateTime("created"))]);
    });
  });
  return BOM + rows.map((row) => row.map(field).join(";")).join("\r\n") + "\r\n";
}

/** A file name from the title and day, safe in a Content-Disposition header. */
function csvFileName(event) {
  const day = venueTime(event.getDateTime("starts")).slice(0, 10);
  const title = event
    .getString("title")
    .replace(/[åä]/g, "a")
    .replace(/[ÅÄ]/g, "A")
    .replace(/ö/g, "o")
    .replace(/Ö/g, "O")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 50);
  return "participants-" + day + (title ? "-" + title : "") + ".csv";
}

module.exports = { participantsCsv, csvFileName };
