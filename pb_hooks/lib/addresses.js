// Email addresses as accounts know them: one account per address whatever its letters, kept
// in small letters, and never an address that cannot receive mail unless the server (or an
// operator) makes it: `.invalid` is where deleted accounts (`@deleted.invalid`), walk-ins
// without an address (`@walk-in.invalid`) and settled case twins live.
const { ANONYMOUS_DOMAIN } = require(`${__hooks}/lib/my-data.js`);

const RESERVED_MESSAGE = "That address cannot receive mail: addresses ending in .invalid are kept for the venue's own use.";

function normal(email) {
  return String(email || "")
    .trim()
    .toLowerCase();
}

function isReserved(email) {
  const address = normal(email);
  return address.slice(-ANONYMOUS_DOMAIN.length - 1) === "@" + ANONYMOUS_DOMAIN || /\.invalid$/.test(address);
}

/** Throws a 400 with the field code `email_reserved` on `field` for a reserved address. */
function refuseReserved(email, field) {
  if (!isReserved(email)) return;
  const data = {};
  data[field] = new ValidationError("email_reserved", RESERVED_MESSAGE);
  throw new BadRequestError(RESERVED_MESSAGE, data);
}

/** The account with this address, whatever its letters, or null. */
function findAccount(app, email) {
  const address = normal(email);
  if (!address) return null;
  try {
    return app.findAuthRecordByEmail("users", address);
  } catch (_) {
    return null;
  }
}

module.exports = { normal, isReserved, refuseReserved, findAccount };
