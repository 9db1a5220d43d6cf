// What makes a password acceptable: long enough and not one of the passwords that
// guessing lists try first (Swedish ones included). Checked on sign-up, on a password
// change and on a password reset; the client mirrors it only to answer sooner.
const MIN_LENGTH = 10;

// Lower case; compared after lower-casing the candidate.
const COMMON = [
  "1234567890",
  "12345678910",
  "0123456789",
  "1111111111",
  "0000000000",
  "1234512345",
  "1q2w3e4r5t",
  "1qaz2wsx3edc",
  "qwertyuiop",
  "qwerty1234",
  "qwerty12345",
  "asdfghjkl1",
  "zxcvbnm123",
  "password12",
  "password123",
  "password1234",
  "passw0rd12",
  "p@ssw0rd12",
  "iloveyou12",
  "sunshine12",
  "princess12",
  "football12",
  "baseball12",
  "welcome123",
  "letmein123",
  "monkey1234",
  "dragon1234",
  "trustno1234",
  "abc1234567",
  "abcdefghij",
  "abcd123456",
  "administrator",
  "admin12345",
  "changeme123",
  "starwars12",
  "whatever12",
  "lösenord12",
  "losenord12",
  "lösenord123",
  "losenord123",
  "sommar2024",
  "sommar2025",
  "sommar2026",
  "vinter2024",
  "vinter2025",
  "vinter2026",
  "hösten2025",
  "varen2025",
  "sverige123",
  "stockholm1",
  "stockholm12",
  "stockholm123",
  "göteborg123",
  "goteborg123",
  "malmö12345",
  "qwertyuiopå",
  "hejhej1234",
  "hejsan1234",
  "hemligt123",
  "hemlig1234",
  "coffice123",
  "coffice2026",
  "kaffe12345",
  "kaffekopp1",
  "fotboll123",
  "hockey1234",
  "innebandy1",
  "zlatan1234",
  "volvo12345",
  "saab123456",
  "midsommar1",
  "kanelbulle",
  "semester12",
  "password!1",
  "qazwsxedc1",
  "superman12",
  "batman1234",
  "michael123",
  "jennifer12",
  "liverpool1",
  "chelsea123",
  "arsenal123",
];

/** null when the password is acceptable, else the field error (code and message). */
function passwordProblem(password) {
  if (typeof password !== "string" || password.length < MIN_LENGTH) {
    return { code: "password_too_short", message: "The password must be at least " + MIN_LENGTH + " characters." };
  }
  const lower = password.toLowerCase();
  const oneCharacter = lower.split("").every((c) => c === lower[0]);
  if (oneCharacter || COMMON.indexOf(lower) !== -1) {
    return { code: "password_too_common", message: "That password is too common. Choose one that is harder to guess." };
  }
  return null;
}

/** Throws a 400 with a field error when the password is not acceptable. */
function requireGoodPassword(password) {
  const problem = passwordProblem(password);
  if (!problem) return;
  throw new BadRequestError(problem.message, { password: new ValidationError(problem.code, problem.message) });
}

module.exports = { MIN_LENGTH, passwordProblem, requireGoodPassword };
