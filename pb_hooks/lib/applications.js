// Applications for membership (DESIGN "The space and its community"): anyone applies without an
// account (checked, limited and de-duplicated here, pb_hooks/applications.pb.js); hosts accept
// (the company is made or reused and the contact invited as a member) or decline. Every mail
// goes through the notices worker (lib/notices.js), written in the same transaction as its fact.
const { refuse } = require(`${__hooks}/lib/refuse.js`);
const { recent, forgetStale } = require(`${__hooks}/lib/sliding-window.js`);

const PREFIX = "coffice:apply:";
// per client address: a person fixes a typo and sends again; a script is stopped
const TRIES = 5;
const WINDOW_SECONDS = 10 * 60;
// the same address and company again within this many seconds is the same application
const SAME_SECONDS = 60;
// a request body larger than this is refused before it is read (the message holds 2,000 characters)
const MAX_BODY_BYTES = 32 * 1024;
// what the receipt promises (the app's words say the same: src/lib/join.ts)
const ANSWER_DAYS = 5;
// how long the invitation's link to choose a password works
const INVITATION_SECONDS = 14 * 24 * 3600;
const SEATS = ["fixed", "flex", "rooms"];
const LIMITS = { company: 120, contact_name: 120, email: 200, phone: 40, trade: 120, message: 2000 };
const TOO_MANY_MESSAGE = "Many applications were sent from this address in the last minutes. Try again in 10 minutes.";

function isApplicationCreate(e) {
  if (e.request.method !== "POST") return false;
  const match = /^\/api\/collections\/([^/]+)\/records\/?$/.exec(e.request.url.path);
  if (!match) return false;
  if (match[1] === "applications") return true;
  try {
    return e.app.findCachedCollectionByNameOrId("applications").id === match[1];
  } catch (_) {
    return false;
  }
}

/** Counts one try from this client address; false when it has had its tries. */
function mayTry(ip) {
  const now = Date.now() / 1000;
  let allowed = false;
  $app.store().setFunc(PREFIX + "ip:" + ip, (old) => {
    const list = recent(old, now, WINDOW_SECONDS);
    allowed = list.length < TRIES;
    if (allowed) list.push(now);
    return JSON.stringify(list);
  });
  return allowed;
}

/** Claims (email, company) for SAME_SECONDS; false when an equal application came within them. */
function claimOnce(email, company) {
  const now = Date.now() / 1000;
  let first = false;
  $app.store().setFunc(PREFIX + "same:" + email + "|" + company.toLowerCase(), (old) => {
    const list = recent(old, now, SAME_SECONDS);
    first = list.length === 0;
    if (first) list.push(now);
    return JSON.stringify(list);
  });
  return first;
}

function unclaim(email, company) {
  $app.store().remove(PREFIX + "same:" + email + "|" + company.toLowerCase());
}

function forgetOld() {
  const now = Date.now() / 1000;
  forgetStale(PREFIX, (key, value) => recent(value, now, key.indexOf(PREFIX + "ip:") === 0 ? WINDOW_SECONDS : SAME_SECONDS).length === 0);
}

// each refusal names its field and code as literals (tests/unit/refusal-codes.spec.ts)
const WRONG_TYPE = {
  company: () => refuse("company", "application_field_type", "`company` must be text."),
  contact_name: () => refuse("contact_name", "application_field_type", "`contact_name` must be text."),
  email: () => refuse("email", "application_field_type", "`email` must be text."),
  phone: () => refuse("phone", "application_field_type", "`phone` must be text."),
  trade: () => refuse("trade", "application_field_type", "`trade` must be text."),
  seat: () => refuse("seat", "application_field_type", "`seat` must be text."),
  message: () => refuse("message", "application_field_type", "`message` must be text."),
  locale: () => refuse("locale", "application_field_type", "`locale` must be text."),
  website: () => refuse("website", "application_field_type", "`website` must be text."),
};
const TOO_LONG = {
  company: (n) => refuse("company", "application_too_long", "`company` is " + n + " characters long: at most 120.", { max: 120 }),
  contact_name: (n) =>
    refuse("contact_name", "application_too_long", "`contact_name` is " + n + " characters long: at most 120.", { max: 120 }),
  email: (n) => refuse("email", "application_too_long", "`email` is " + n + " characters long: at most 200.", { max: 200 }),
  phone: (n) => refuse("phone", "application_too_long", "`phone` is " + n + " characters long: at most 40.", { max: 40 }),
  trade: (n) => refuse("trade", "application_too_long", "`trade` is " + n + " characters long: at most 120.", { max: 120 }),
  message: (n) => refuse("message", "application_too_long", "`message` is " + n + " characters long: at most 2000.", { max: 2000 }),
};

const FIELDS = Object.keys(WRONG_TYPE);

/** Refuses a body that is not an object, or a field sent as anything but text. */
function checkTypes(body) {
  if (!body) throw refuse("body", "application_body_invalid", "Send the application as a JSON object or a form.");
  FIELDS.forEach((field) => {
    const value = body[field];
    if (value !== undefined && value !== null && typeof value !== "string") throw WRONG_TYPE[field]();
  });
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The application's fields from a request body, trimmed and checked; throws a 400 naming the
 * first field that is wrong. The server also applies the collection's own limits afterwards.
 */
function cleanFields(body) {
  if (!body) throw refuse("body", "application_body_invalid", "Send the application as a JSON object or a form.");
  const out = {};
  ["company", "contact_name", "email", "phone", "trade", "seat", "message", "locale"].forEach((field) => {
    const value = body[field];
    if (value === undefined || value === null) {
      out[field] = "";
      return;
    }
    if (typeof value !== "string") throw WRONG_TYPE[field]();
    out[field] = value.trim();
  });
  if (!out.company) throw refuse("company", "application_company_missing", "Name the company (or yourself, if you have no company yet).");
  if (!out.contact_name) throw refuse("contact_name", "application_name_missing", "Name the person we should contact.");
  if (!out.email) throw refuse("email", "application_email_missing", "Give an email address: the answer is sent there.");
  out.email = out.email.toLowerCase();
  if (!EMAIL.test(out.email) || out.email.length > LIMITS.email) {
    throw refuse("email", "application_email_invalid", "That is not an email address, e.g. name@company.se.");
  }
  if (require(`${__hooks}/lib/addresses.js`).isReserved(out.email)) {
    throw refuse("email", "application_email_invalid", "That address cannot receive mail.");
  }
  if (SEATS.indexOf(out.seat) === -1) {
    throw refuse("seat", "application_seat_invalid", "Choose what you are looking for: `fixed`, `flex` or `rooms`.");
  }
  Object.keys(TOO_LONG).forEach((field) => {
    if (out[field].length > LIMITS[field]) throw TOO_LONG[field](out[field].length);
  });
  out.locale = out.locale === "en" ? "en" : "sv";
  return out;
}

/** The facts of a new application: the applicant's receipt and a notice to each host. */
function queueNew(app, application) {
  const notices = require(`${__hooks}/lib/notices.js`);
  notices.queueAddressed(app, {
    email: application.getString("email"),
    application: application.id,
    kind: "application",
    key: "application:received:" + application.id,
    data: { step: "received" },
  });
  app.findRecordsByFilter("users", "role = 'host'", "", 0, 0).forEach((host) =>
    notices.queueNotice(app, {
      user: host.id,
      kind: "application",
      application: application.id,
      key: "application:new:" + application.id + ":" + host.id,
      data: { step: "new" },
    }),
  );
}

/** An existing company of the same name (letters' size and spaces aside), or a new unlisted one. */
function companyFor(app, application) {
  const name = application.getString("company").trim();
  const same = app.findAllRecords("companies", $dbx.exp("LOWER(TRIM(name)) = {:name}", { name: name.toLowerCase() }));
  if (same.length > 0) return { company: same[0], made: false };
  const company = new Record(app.findCollectionByNameOrId("companies"));
  company.set("name", name);
  company.set("seat", application.getString("seat") === "fixed" ? "fixed" : "flex");
  company.set("listed", false);
  app.save(company);
  return { company: company, made: true };
}

/**
 * Accepts or declines; `by` is the deciding host (null for an operator). Returns what was done.
 * Throws a 400 `application_decided` when the application was decided before.
 */
function decide(app, id, decision, note, by) {
  const notices = require(`${__hooks}/lib/notices.js`);
  let application;
  try {
    application = app.findRecordById("applications", id);
  } catch (_) {
    throw new NotFoundError("That application does not exist.");
  }
  if (application.getString("status") !== "new") {
    throw refuse("decision", "application_decided", "This application was already " + application.getString("status") + ".");
  }
  const result = { status: decision === "accept" ? "accepted" : "declined", company: "", member: "", invited: false };
  if (decision === "accept") {
    const { company } = companyFor(app, application);
    result.company = company.id;
    const addresses = require(`${__hooks}/lib/addresses.js`);
    let person = addresses.findAccount(app, application.getString("email"));
    if (person) {
      // an existing account: a guest becomes a member of the company (its welcome mail tells
      // them, lib/notices.js becameMember); a host stays a host
      if (person.getString("role") === "guest") person.set("role", "member");
      if (!person.getString("company")) person.set("company", company.id);
      app.save(person);
    } else {
      person = new Record(app.findCollectionByNameOrId("users"));
      person.setEmail(application.getString("email"));
      person.set("name", application.getString("contact_name"));
      person.set("role", "member");
      person.set("company", company.id);
      person.set("locale", application.getString("locale") || "sv");
      person.setRandomPassword();
      app.save(person);
      notices.queueNotice(app, {
        user: person.id,
        kind: "application",
        application: application.id,
        key: "application:invited:" + application.id,
        data: { step: "invited" },
      });
      result.invited = true;
    }
    result.member = person.id;
  } else {
    notices.queueAddressed(app, {
      email: application.getString("email"),
      application: application.id,
      kind: "application",
      key: "application:declined:" + application.id,
      data: { step: "declined", note: note || "" },
    });
  }
  application.set("status", result.status);
  application.set("decided_by", by || "");
  application.set("decided_at", require(`${__hooks}/lib/vendor/venue-clock.js`).toStored(Date.now()));
  app.save(application);
  return result;
}

/** A link that lets the invited person choose a password (a password-reset token that lasts longer). */
function invitationToken(person) {
  const collection = person.collection();
  const secret = person.tokenKey() + collection.passwordResetToken.secret;
  return $security.createJWT(
    { id: person.id, type: "passwordReset", collectionId: collection.id, email: person.email() },
    secret,
    INVITATION_SECONDS,
  );
}

module.exports = {
  isApplicationCreate,
  mayTry,
  claimOnce,
  unclaim,
  forgetOld,
  checkTypes,
  cleanFields,
  queueNew,
  decide,
  invitationToken,
  MAX_BODY_BYTES,
  ANSWER_DAYS,
  TOO_MANY_MESSAGE,
  SEATS,
};
