// What PocketBase's request log may keep of an address (pb_hooks/lib/front.js): the route,
// never what would let someone in or name a person — e-mail addresses, pass codes, and the long
// random strings that are secrets here (calendar feed secrets, password reset tokens, the door
// poster's code). Record ids (15 characters) stay: they are how an operator follows a request.

const EMAIL = /[^\s/?&=#]+(@|%40)[^\s/?&=#]+/gi;
const PASS_CODE = /CF1(:|%3A)[A-Z2-7]{26}/gi;
const POSTER_CODE = /(^|[/=])[A-Z2-7]{26}(?=$|[/?&#.])/g;
const LONG_TOKEN = /[A-Za-z0-9_\-.~%]{24,}/g;

/** The request URI (path and query) with secrets and addresses replaced. */
function redactUri(uri) {
  return String(uri || "")
    .replace(EMAIL, "[email]")
    .replace(PASS_CODE, "[pass code]")
    .replace(POSTER_CODE, "$1[code]")
    .replace(LONG_TOKEN, "[secret]");
}

module.exports = { redactUri };
