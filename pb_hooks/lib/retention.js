// What the venue keeps, and for how long (docs/DECISIONS.md "Retention"): run nightly by
// pb_hooks/retention.pb.js. Check-ins from before the retention period (COFFICE_RETENTION_MONTHS,
// 24 by default, counted in whole venue days) lose their link to a person; the counts insights
// make stay the same (`visitor` keeps one person's check-ins at an event, or on a day at the
// front door, together — under a key made with a salt that is thrown away, so it leads nowhere).
// Sign-in records (PocketBase's _authOrigins) of that age are deleted.
const clock = require(`${__hooks}/lib/vendor/venue-clock.js`);

const DEFAULT_MONTHS = 24;
const PAGE = 500;

/** COFFICE_RETENTION_MONTHS when it is a whole number of months from 1 to 240, else 24. */
function retentionMonths(text) {
  const months = Number(text);
  return text && /^\d+$/.test(String(text).trim()) && months >= 1 && months <= 240 ? months : DEFAULT_MONTHS;
}

/** The venue day `months` before today's (the same date, or the month's last day). */
function cutoffDay(today, months) {
  const parts = today.split("-").map(Number);
  const first = new Date(Date.UTC(parts[0], parts[1] - 1 - months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  const pad = (n) => (n < 10 ? "0" : "") + n;
  return first.getUTCFullYear() + "-" + pad(first.getUTCMonth() + 1) + "-" + pad(Math.min(parts[2], last));
}

function applyRetention(app, nowMs, monthsText) {
  const months = retentionMonths(monthsText);
  const before = clock.toStored(clock.dayStart(cutoffDay(clock.dayOf(nowMs), months)));
  // one salt per run: a whole venue day is always handled in the same run (the cutoff is a day's start)
  const salt = $security.randomString(32);
  let anonymised = 0;
  for (;;) {
    const page = app.findRecordsByFilter("checkins", "scanned_at < {:before} && (holder != '' || pass != '')", "scanned_at", PAGE, 0, {
      before: before,
    });
    if (page.length === 0) break;
    app.runInTransaction((tx) => {
      page.forEach((checkin) => {
        const person = checkin.getString("holder") || checkin.getString("pass");
        const event = checkin.getString("event");
        const together = event ? "event " + event : "day " + clock.dayOf(checkin.getDateTime("scanned_at").time().unixMilli());
        checkin.set("visitor", $security.hs256(person + " " + together, salt));
        checkin.set("holder", "");
        checkin.set("pass", "");
        tx.saveNoValidate(checkin);
      });
    });
    anonymised += page.length;
  }
  let signIns = 0;
  for (;;) {
    const page = app.findRecordsByFilter("_authOrigins", "created < {:before}", "created", PAGE, 0, { before: before });
    if (page.length === 0) break;
    app.runInTransaction((tx) => page.forEach((origin) => tx.delete(origin)));
    signIns += page.length;
  }
  return { months: months, before: before, anonymised: anonymised, signIns: signIns };
}

module.exports = { applyRetention, retentionMonths, cutoffDay };
