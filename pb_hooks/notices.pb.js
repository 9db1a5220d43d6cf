/// <reference path="../pb_data/types.d.ts" />
// Notices (pb_hooks/lib/notices.js, lib/notice-mail.js): the worker that sends them, the
// reminders, a host's message to an event's people, and the one-click unsubscribe.

// The worker: every minute (a notice leaves within the minute after its fact).
cronAdd("coffice-notices", "* * * * *", () => {
  require(`${__hooks}/lib/notices.js`).drain($app);
});

// Reminders are queued the afternoon before (16:00 venue time); checked every 15 minutes.
cronAdd("coffice-reminders", "*/15 * * * *", () => {
  const notices = require(`${__hooks}/lib/notices.js`);
  $app.runInTransaction((txApp) => {
    notices.queueReminders(txApp, Date.now());
  });
});

// No attempt inside a request (not even after its answer is flushed): PocketBase's mailer has no
// timeout, and a mail server that hangs would hold the request open (docs/DECISIONS.md, Notices).

// Operators: queue the reminders as at a given moment (catching up after the server was down).
routerAdd(
  "POST",
  "/api/coffice/notices/reminders",
  (e) => {
    const body = require(`${__hooks}/lib/http.js`).bodyOf(e) || {};
    const at = body.at ? Date.parse(String(body.at)) : Date.now();
    if (isNaN(at)) throw new BadRequestError("`at` must be a date and time, e.g. 2027-03-27T15:05:00Z.");
    const notices = require(`${__hooks}/lib/notices.js`);
    let queued = 0;
    e.app.runInTransaction((txApp) => {
      queued = notices.queueReminders(txApp, at);
    });
    return e.json(200, { queued: queued });
  },
  $apis.requireSuperuserAuth(),
);

// A host's short message to everyone confirmed or waitlisted: kept on the event (shown on its
// page) and mailed.
routerAdd(
  "POST",
  "/api/coffice/events/{id}/message",
  (e) => {
    require(`${__hooks}/lib/http.js`).requireHost(e, "Only hosts can write to an event's people.");
    const body = require(`${__hooks}/lib/http.js`).bodyOf(e);
    const text = body && typeof body.text === "string" ? body.text.trim() : "";
    if (!text) {
      throw new BadRequestError("Write a message (1–500 characters).", { text: new ValidationError("message_empty", "Write a message.") });
    }
    if (text.length > 500) {
      const message = "The message is " + text.length + " characters long: at most 500 are sent.";
      throw new BadRequestError(message, { text: new ValidationError("message_too_long", message) });
    }
    let sent = 0;
    e.app.runInTransaction((txApp) => {
      let event;
      try {
        event = txApp.findRecordById("events", e.request.pathValue("id"));
      } catch (_) {
        throw new NotFoundError("That event does not exist.");
      }
      event.set("message", text);
      event.set("message_at", require(`${__hooks}/lib/vendor/venue-clock.js`).toStored(Date.now()));
      txApp.save(event);
      sent = require(`${__hooks}/lib/notices.js`).hostMessage(txApp, event, text);
    });
    return e.json(200, { sent: sent });
  },
  $apis.requireAuth("users", "_superusers"),
);

// One-click unsubscribe (RFC 8058): the mail's List-Unsubscribe link. GET shows a small page
// that asks; POST (the mail program's one click, or the page's button) sets mail_notices to none.
routerAdd("GET", "/api/coffice/unsubscribe", (e) => require(`${__hooks}/lib/unsubscribe.js`).showPage(e));
routerAdd("POST", "/api/coffice/unsubscribe", (e) => require(`${__hooks}/lib/unsubscribe.js`).unsubscribe(e));
