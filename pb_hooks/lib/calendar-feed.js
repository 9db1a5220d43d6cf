// A person's calendar feed (webcal): the events they are confirmed or waitlisted for and their
// desk days (all-day events), written by the same calendar builder the app uses (bundled in lib/vendor/).
const SECRET_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
const SECRET_LENGTH = 32; // ~165 random bits
// Past events stay in the feed for a while so calendars keep recent history.
const KEEP_PAST_DAYS = 90;

const WORDS = {
  sv: { calendarName: "Coffice – mitt program", cancelled: "INSTÄLLT", waitlisted: "Väntelista", speaker: "Talare", desk: "Skrivbord" },
  en: { calendarName: "Coffice – my programme", cancelled: "CANCELLED", waitlisted: "Waitlist", speaker: "Speaker", desk: "Desk" },
};

function newSecret() {
  return $security.randomStringWithAlphabet(SECRET_LENGTH, SECRET_ALPHABET);
}

/** The path of a person's feed; the app turns it into a webcal:// URL. */
function feedPath(user) {
  return "/api/coffice/calendar/" + user.id + "/" + user.getString("calendar_secret") + ".ics";
}

/** The person's feed path, making their secret on first use. */
function ensureFeedPath(app, userId) {
  const user = app.findRecordById("users", userId);
  if (!user.getString("calendar_secret")) {
    user.set("calendar_secret", newSecret());
    app.save(user);
  }
  return feedPath(user);
}

/** A new secret: the old URL stops working at once. */
function resetFeedPath(app, userId) {
  const user = app.findRecordById("users", userId);
  user.set("calendar_secret", newSecret());
  app.save(user);
  return feedPath(user);
}

/**
 * The user whose feed this is, or null. Every failure looks the same to the caller, and
 * the secret is compared in constant time.
 */
function feedOwner(app, userId, fileName) {
  if (!/^[a-z0-9]{15}$/.test(userId || "")) return null;
  const match = /^([a-z0-9]{1,64})\.ics$/.exec(fileName || "");
  if (!match) return null;
  let user;
  try {
    user = app.findRecordById("users", userId);
  } catch (_) {
    return null;
  }
  const secret = user.getString("calendar_secret");
  if (!secret || !$security.equal(secret, match[1])) return null;
  return user;
}

function millis(record, field) {
  return record.getDateTime(field).time().unixMilli();
}

/** "Name, address" of the venue from its settings; "" when there are none. */
function venuePlace(app) {
  try {
    const venue = app.findRecordById("venue", "venuesettings01");
    return [venue.getString("name"), venue.getString("address")].filter(Boolean).join(", ");
  } catch (_) {
    return "";
  }
}

/** The whole VCALENDAR text of the person's feed. */
function feedText(app, user, origin) {
  const { buildCalendar } = require(`${__hooks}/lib/vendor/calendar-builder.js`);
  const { toStored } = require(`${__hooks}/lib/vendor/venue-clock.js`);
  const since = toStored(Date.now() - KEEP_PAST_DAYS * 24 * 3600 * 1000);
  const registrations = app.findRecordsByFilter(
    "registrations",
    "user = {:user} && (status = 'confirmed' || status = 'waitlisted') && event.ends >= {:since} && event.status != 'draft'",
    "",
    0,
    0,
    { user: user.id, since: since },
  );
  const venue = venuePlace(app);
  const entries = registrations.map((registration) => {
    const event = app.findRecordById("events", registration.getString("event"));
    let room = "";
    if (event.getString("space")) {
      try {
        room = app.findRecordById("spaces", event.getString("space")).getString("name");
      } catch (_) {
        room = "";
      }
    }
    return {
      id: event.id,
      title: event.getString("title"),
      summary: event.getString("summary"),
      description: event.getString("description"),
      speaker: event.getString("speaker"),
      // LOCATION: the room, then the venue's name and address (its settings)
      room: [room, venue].filter(Boolean).join(", "),
      starts: millis(event, "starts"),
      ends: millis(event, "ends"),
      updated: millis(event, "updated"),
      cancelled: event.getString("status") === "cancelled",
      waitlisted: registration.getString("status") === "waitlisted",
      url: origin + "/events/" + event.id,
    };
  });
  const words = WORDS[user.getString("locale")] || WORDS.sv;
  entries.push(...deskDayEntries(app, user, since, venue, words, origin));
  entries.sort((a, b) => a.starts - b.starts);
  // calendar apps that honour it fetch the feed hourly, so edits reach them the same day
  return buildCalendar(entries, words, { refreshSeconds: 3600 });
}

/** The person's desk days (bookings of an open area) as all-day entries of their venue day. */
function deskDayEntries(app, user, since, venue, words, origin) {
  const { dayOf } = require(`${__hooks}/lib/vendor/venue-clock.js`);
  const bookings = app.findRecordsByFilter("bookings", "user = {:user} && space.kind = 'open_area' && ends >= {:since}", "", 0, 0, {
    user: user.id,
    since: since,
  });
  return bookings.map((booking) => {
    const space = app.findRecordById("spaces", booking.getString("space"));
    return {
      id: booking.id,
      title: words.desk + ": " + space.getString("name"),
      room: [space.getString("name"), venue].filter(Boolean).join(", "),
      starts: millis(booking, "starts"),
      ends: millis(booking, "ends"),
      updated: millis(booking, "updated"),
      day: dayOf(millis(booking, "starts")),
      url: origin + "/desks",
    };
  });
}

module.exports = { ensureFeedPath, resetFeedPath, feedOwner, feedText };
