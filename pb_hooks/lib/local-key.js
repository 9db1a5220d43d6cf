// A key in the data folder for the venue's own command-line tools (`npm run backup`,
// `npm run restore`): whoever can read the data folder may already copy the database, so
// reading this file proves nothing more — and lets the tools use PocketBase's own backup and
// restore on the running server (consistent while serving) without anyone's password.
const KEY_FILE = "coffice-local.key";

function keyPath(app) {
  return app.dataDir() + "/" + KEY_FILE;
}

/** Makes the key on first start (owner-readable only). */
function ensureLocalKey(app) {
  try {
    $os.stat(keyPath(app));
  } catch (_) {
    $os.writeFile(keyPath(app), $security.randomString(48), 384 /* 0600 */);
  }
}

function isLocalKey(app, given) {
  if (!given) return false;
  let key;
  try {
    key = toString($os.readFile(keyPath(app))).trim();
  } catch (_) {
    return false;
  }
  return key.length >= 32 && $security.equal(key, String(given));
}

module.exports = { KEY_FILE, ensureLocalKey, isLocalKey };
