// Numbers for the host, the association and the municipality over a period of venue days
// (DOMAIN: events, participants, occupancy, new members). Everything counts people once:
// a participant is one person at one event however often they were scanned, and a visit is
// one person on one venue day at the front door. Days are the venue's (vendor/venue-clock.js).
const clock = require(`${__hooks}/lib/vendor/venue-clock.js`);

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_DAYS = 366;

/** Why `from`/`to` (YYYY-MM-DD, both included) are not a period we answer for; "" when they are. */
function periodProblem(from, to) {
  if (!from || !to) return "Send the period as ?from=YYYY-MM-DD&to=YYYY-MM-DD (venue days, both included).";
  if (!isDay(from)) return '"from" is not a date like 2026-01-31.';
  if (!isDay(to)) return '"to" is not a date like 2026-12-31.';
  if (to < from) return '"to" comes before "from".';
  if (daysBetween(from, to) >= MAX_DAYS) return "A period can be at most " + MAX_DAYS + " days long.";
  return "";
}

function isDay(text) {
  if (typeof text !== "string" || !DAY.test(text)) return false;
  const parts = text.split("-").map(Number);
  const date = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]));
  return date.getUTCMonth() === parts[1] - 1 && date.getUTCDate() === parts[2];
}

function daysBetween(from, to) {
  return Math.round((Date.parse(to + "T00:00:00Z") - Date.parse(from + "T00:00:00Z")) / 86400000);
}

/** The venue day of the front door's first admission ever, or null before there is one. */
function firstDoorDay(app) {
  // walks the scanned_at index from the start and stops at the first front-door admission
  // (`+event` keeps SQLite off the event index, which holds every front-door scan ever)
  const first = arrayOf(new DynamicModel({ scanned_at: "" }));
  app
    .db()
    .newQuery(
      "SELECT scanned_at FROM checkins INDEXED BY idx_checkins_scanned_at " +
        "WHERE +event = '' AND verdict = 'admitted' AND direction = 'in' ORDER BY scanned_at LIMIT 1",
    )
    .all(first);
  return first.length ? clock.dayOf(clock.parseInstant(first[0].scanned_at)) : null;
}

/** The instant (ms) of 01:00 UTC on the last Sunday of a month (1–12): when Europe's clocks change. */
function lastSundayAtOneUtc(year, month) {
  const lastDay = new Date(Date.UTC(year, month, 0));
  return Date.UTC(year, month - 1, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/**
 * The venue day of a stored `scanned_at`, in SQL: the date after adding the venue's offset,
 * two hours in the summer-time spans of the period's years, else one. The spans are checked
 * against the venue clock (vendor/venue-clock.js), so the two cannot drift apart unnoticed.
 */
function venueDaySql(fromDay, toDay, params) {
  const spans = [];
  for (let year = Number(fromDay.slice(0, 4)); year <= Number(toDay.slice(0, 4)); year++) {
    const start = lastSundayAtOneUtc(year, 3);
    const end = lastSundayAtOneUtc(year, 10);
    if (clock.venueOffsetMinutes(start) !== 120 || clock.venueOffsetMinutes(start - 1) !== 60 || clock.venueOffsetMinutes(end) !== 60) {
      throw new Error("insights: summer time in " + year + " is not where the venue clock has it");
    }
    params["summer" + year] = clock.toStored(start);
    params["winter" + year] = clock.toStored(end);
    spans.push("(scanned_at >= {:summer" + year + "} AND scanned_at < {:winter" + year + "})");
  }
  return "date(scanned_at, CASE WHEN " + spans.join(" OR ") + " THEN '+2 hours' ELSE '+1 hour' END)";
}

function insights(app, from, to, nowMs) {
  const range = { from: clock.toStored(clock.dayStart(from)), to: clock.toStored(clock.dayEnd(to)) };
  const months = {};
  const month = (day) =>
    (months[day.slice(0, 7)] = months[day.slice(0, 7)] || { month: day.slice(0, 7), events: 0, participants: 0, visits: 0 });
  for (let day = from; day <= to; day = clock.shiftDay(day, 1)) month(day);

  let held = 0;
  let cancelled = 0;
  app.findRecordsByFilter("events", "starts >= {:from} && starts < {:to} && status != 'draft'", "", 0, 0, range).forEach((event) => {
    if (event.getString("status") === "cancelled") {
      cancelled++;
    } else {
      held++;
      month(clock.dayOf(event.getDateTime("starts").time().unixMilli())).events++;
    }
  });

  // Counted in SQL over the period's admissions only (the scanned_at index bounds them; `+event`
  // keeps SQLite off the event index, which would read every scan of the whole history), a
  // row per venue day out: a participant is one person at one event (on the day of their
  // first admission there), a visit one person on one venue day at the front door. Past the
  // retention period, `visitor` stands for the person (pb_hooks/lib/retention.js).
  const params = { from: range.from, to: range.to };
  const admissions =
    "SELECT event, COALESCE(NULLIF(holder, ''), visitor) AS person, " +
    venueDaySql(from, to, params) +
    " AS day FROM checkins WHERE scanned_at >= {:from} AND scanned_at < {:to} AND verdict = 'admitted' AND direction = 'in'";
  const perDay = (sql) => {
    const rows = arrayOf(new DynamicModel({ day: "", people: 0 }));
    app.db().newQuery(sql).bind(params).all(rows);
    return rows;
  };
  let participants = 0;
  perDay(
    "SELECT day, COUNT(*) AS people FROM (SELECT event, person, MIN(day) AS day FROM (" +
      admissions +
      ") WHERE +event != '' GROUP BY event, person) GROUP BY day",
  ).forEach((row) => {
    participants += row.people;
    month(row.day).participants += row.people;
  });
  const visitsOn = {};
  let visits = 0;
  perDay("SELECT day, COUNT(DISTINCT person) AS people FROM (" + admissions + ") WHERE +event = '' GROUP BY day").forEach((row) => {
    visitsOn[row.day] = row.people;
    visits += row.people;
  });

  // occupancy: people a day at the front door, per weekday, over the days that have been
  // and that the door recorded (from its first admission on: before it, an empty day is
  // not a day nobody came, so it must not dilute the average)
  const today = clock.dayOf(nowMs);
  const recordedFrom = firstDoorDay(app);
  const countFrom = recordedFrom && recordedFrom > from ? recordedFrom : from;
  const visitsByWeekday = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday: weekday, visits: 0, days: 0, average: 0 }));
  if (recordedFrom) {
    for (let day = countFrom; day <= to && day <= today; day = clock.shiftDay(day, 1)) visitsByWeekday[clock.weekdayOf(day) - 1].days++;
  }
  Object.keys(visitsOn).forEach((day) => {
    visitsByWeekday[clock.weekdayOf(day) - 1].visits += visitsOn[day];
    month(day).visits += visitsOn[day];
  });
  visitsByWeekday.forEach((w) => (w.average = w.days ? Math.round((w.visits / w.days) * 10) / 10 : 0));

  const newCompanies = app.countRecords("companies", $dbx.exp("created >= {:from} AND created < {:to}", range));
  const members = app.countRecords("users", $dbx.hashExp({ role: "member" }));

  return {
    from: from,
    to: to,
    events_held: held,
    events_cancelled: cancelled,
    participants: participants,
    participants_per_event: held ? Math.round((participants / held) * 10) / 10 : 0,
    visits: visits,
    visits_by_weekday: visitsByWeekday,
    // the first venue day the averages count: the door's first admission or the period's start
    // (null: the front door has recorded nobody yet)
    counted_from: recordedFrom && countFrom <= to ? countFrom : null,
    new_companies: newCompanies,
    members: members,
    months: Object.keys(months)
      .sort()
      .map((key) => months[key]),
  };
}

module.exports = { insights, periodProblem };
