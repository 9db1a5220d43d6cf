// Pass codes: "CF1:" + 26 characters of RFC 4648 base32 (upper case, no padding),
// 130 random bits from a cryptographic source. The exact QR text of a pass. (Reading one
// back is the app's isPassCode, in vendor/verdict.js.)
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function newPassCode() {
  return "CF1:" + $security.randomStringWithAlphabet(26, ALPHABET);
}

module.exports = { newPassCode };
