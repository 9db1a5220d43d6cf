// Pass codes: "CF1:" + 26 characters of RFC 4648 base32 (upper case, no padding),
// 130 random bits from a cryptographic source. The exact QR text of a pass.
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const CODE_PATTERN = /^CF1:[A-Z2-7]{26}$/;

function newPassCode() {
  return "CF1:" + $security.randomStringWithAlphabet(26, ALPHABET);
}

function isPassCode(text) {
  return typeof text === "string" && CODE_PATTERN.test(text);
}

module.exports = { newPassCode, isPassCode, CODE_PATTERN };
