// Someone arrives without an account: the host registers them at the door (a guest account,
// with an event a confirmed registration and so an event pass) and admits them at once.
// The check-in's id comes from the device, so an outbox replay changes nothing.
const scans = require(`${__hooks}/lib/door-scans.js`);

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,63}$/;
const NAME_MAX = 120; // users.name's limit

function walkInProblem(body) {
  const name = typeof body.name === "string" ? body.name.trim() : "";
  if (!name) return '"name" is missing (the walk-in’s name).';
  if (name.length > NAME_MAX) return '"name" is longer than ' + NAME_MAX + " characters.";
  if (body.email !== undefined && body.email !== null && body.email !== "") {
    if (typeof body.email !== "string" || !EMAIL.test(body.email.trim())) return '"email" is not an email address.';
  }
  return "";
}

function findOrCreatePerson(app, name, email) {
  if (email) {
    try {
      return app.findAuthRecordByEmail("users", email);
    } catch (_) {
      // a new person
    }
  }
  const user = new Record(app.findCollectionByNameOrId("users"));
  // without an address the walk-in gets one that can never receive mail; they can still be
  // given a real one later by a host
  user.set(
    "email",
    email || "walk-in-" + $security.randomStringWithAlphabet(12, "abcdefghijklmnopqrstuvwxyz0123456789") + "@walk-in.invalid",
  );
  user.set("name", name);
  user.set("role", "guest");
  user.set("emailVisibility", true);
  user.setPassword($security.randomString(40));
  app.save(user);
  return user;
}

/** A confirmed registration for the event (a host may confirm beyond capacity) and its pass. */
function confirmedPass(app, user, eventId) {
  const found = app.findRecordsByFilter("registrations", "event = {:event} && user = {:user}", "", 1, 0, { event: eventId, user: user.id });
  let registration = found[0];
  if (!registration) {
    registration = new Record(app.findCollectionByNameOrId("registrations"));
    registration.set("event", eventId);
    registration.set("user", user.id);
    app.save(registration);
  }
  if (registration.getString("status") !== "confirmed") {
    registration.set("status", "confirmed");
    app.save(registration);
  }
  const passes = app.findRecordsByFilter("passes", "registration = {:reg} && revoked = false", "", 1, 0, { reg: registration.id });
  return passes[0] || null;
}

/** {id, name, email?, event?, atMs, device} → the door's answer. */
function walkIn(app, input) {
  let answer;
  let stored = null;
  app.runInTransaction((txApp) => {
    const known = scans.findOrNull(txApp, "checkins", input.id);
    if (known) {
      answer = scans.answerFor(txApp, known, null);
      answer.known = true;
      return;
    }
    const user = findOrCreatePerson(txApp, input.name, input.email);
    const pass = input.event ? confirmedPass(txApp, user, input.event) : null;
    const record = scans.storeFact(txApp, {
      id: input.id,
      pass: pass,
      holder: user.id,
      event: input.event || "",
      direction: "in",
      source: "manual",
      verdict: "admitted",
      atMs: input.atMs,
      device: input.device,
    });
    answer = scans.answerFor(txApp, record, null);
    stored = record;
  });
  if (stored) require(`${__hooks}/lib/community.js`).signalCheckins(app, [stored]);
  return answer;
}

module.exports = { walkIn, walkInProblem };
