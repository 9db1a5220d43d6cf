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
  const first = app.findRecordsByFilter("checkins", "event = '' && verdict = 'admitted' && direction = 'in'", "scanned_at", 1, 0);
  return first.length ? clock.dayOf(first[0].getDateTime("scanned_at").time().unixMilli()) : null;
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

  const atEvents = {};
  const atDoor = {};
  const admitted = app.findRecordsByFilter(
    "checkins",
    "scanned_at >= {:from} && scanned_at < {:to} && verdict = 'admitted' && direction = 'in'",
    "",
    0,
    0,
    range,
  );
  admitted.forEach((checkin) => {
    // past the retention period, `visitor` stands for the person (pb_hooks/lib/retention.js)
    const holder = checkin.getString("holder") || checkin.getString("visitor");
    const day = clock.dayOf(checkin.getDateTime("scanned_at").time().unixMilli());
    const event = checkin.getString("event");
    if (event) atEvents[event + " " + holder] = atEvents[event + " " + holder] || day;
    else atDoor[day + " " + holder] = day;
  });
  const participants = Object.keys(atEvents).length;
  Object.keys(atEvents).forEach((key) => month(atEvents[key]).participants++);

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
  Object.keys(atDoor).forEach((key) => {
    const day = atDoor[key];
    visitsByWeekday[clock.weekdayOf(day) - 1].visits++;
    month(day).visits++;
  });
  visitsByWeekday.forEach((w) => (w.average = w.days ? Math.round((w.visits / w.days) * 10) / 10 : 0));

  const newCompanies = app.findRecordsByFilter("companies", "created >= {:from} && created < {:to}", "", 0, 0, range).length;
  const members = app.countRecords("users", $dbx.hashExp({ role: "member" }));

  return {
    from: from,
    to: to,
    events_held: held,
    events_cancelled: cancelled,
    participants: participants,
    participants_per_event: held ? Math.round((participants / held) * 10) / 10 : 0,
    visits: Object.keys(atDoor).length,
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
