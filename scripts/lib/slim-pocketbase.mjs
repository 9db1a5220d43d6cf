// A build-only Vite plugin: the PocketBase SDK's client creates every admin service in its
// constructor (collections, logs, settings, health, backups, crons, sql) and offers batch
// requests, so a bundler can drop none of them although the app never uses one (superuser
// work and batches happen in the dashboard, tests and scripts). Leaving them out of the
// client lets the bundler drop their classes (~0.7 KB gzip off the shell every screen loads);
// cutting the auth methods the app never calls off RecordService saves ~1.3 KB more. If an
// SDK update changes the code's shape, the build stops here instead of shipping a
// half-patched client; the app's client type (AppPocketBase) omits the same services and
// methods, so no code can reach them.
export const UNUSED_POCKETBASE_SERVICES = /** @type {const} */ ([
  'collections',
  'files',
  'logs',
  'settings',
  'health',
  'backups',
  'crons',
  'sql',
]);
// Members of other classes the browser app never uses: the auth store's cookie import and
// export (for server-side rendering; they carry a whole cookie parser) and the client's
// deprecated aliases (one of which keeps the file service). Issue #12: ~0.4 KB.
export const UNUSED_CLASS_MEMBERS = /** @type {const} */ ({
  BaseAuthStore: ['loadFromCookie', 'exportToCookie', 'isAdmin', 'isAuthRecord'],
  Client: ['getFileUrl', 'buildUrl', 'admins'],
});

// Auth methods of RecordService the app never calls: OAuth2 (no providers are configured),
// e-mail verification and change, external auths, impersonation (a superuser's), listing
// auth methods; and those whose requests auth.service makes itself. Methods cannot be tree-shaken off a class, so they are cut from its body.
export const UNUSED_RECORD_METHODS = /** @type {const} */ ([
  'listAuthMethods',
  'authWithOAuth2Code',
  'authWithOAuth2',
  'requestVerification',
  'confirmVerification',
  'requestEmailChange',
  'confirmEmailChange',
  'listExternalAuths',
  'unlinkExternalAuth',
  'impersonate',
  // signing in and resetting a password happen on /me only: auth.service posts them itself
  // (issue #12 paid for the guest screens' new parts with these, ~0.6 KB)
  'requestOTP',
  'authWithOTP',
  'authWithPassword',
  'requestPasswordReset',
  'confirmPasswordReset',
  // a helper of OAuth2 sign-in only
  '_replaceQueryParams',
]);
/** @type {readonly string[]} */
const unusedRecordMethods = UNUSED_RECORD_METHODS;

/** @typedef {{ type: string, start: number, end: number, key?: { name?: string } }} Member */
/** @typedef {{ type: string, id?: { name?: string } | null, body: { body: Member[] } }} Statement */

/**
 * Removes the named methods from `class RecordService`, found with the bundler's own parser.
 * @param {string} code
 * @param {(source: string) => { body: Statement[] }} parse
 */
function withoutRecordMethods(code, parse) {
  /** @type {Record<string, readonly string[]>} */
  const members = { RecordService: unusedRecordMethods, ...UNUSED_CLASS_MEMBERS };
  const ast = parse(code);
  /** @type {Member[]} */
  const cuts = [];
  for (const [name, unused] of Object.entries(members)) {
    const declared = ast.body.find((node) => node.type === 'ClassDeclaration' && node.id?.name === name);
    if (!declared) throw new Error(`slim-pocketbase: the SDK no longer declares class ${name}; review scripts/lib/slim-pocketbase.mjs`);
    const found = declared.body.body.filter((member) => member.type === 'MethodDefinition' && unused.includes(member.key?.name ?? ''));
    const missing = unused.filter((method) => !found.some((member) => member.key?.name === method));
    if (missing.length > 0)
      throw new Error(`slim-pocketbase: ${name} no longer has ${missing.join(', ')}; review scripts/lib/slim-pocketbase.mjs`);
    cuts.push(...found);
  }
  let slim = code;
  for (const member of cuts.sort((a, b) => b.start - a.start)) slim = slim.slice(0, member.start) + slim.slice(member.end);
  return slim;
}

/** @returns {import('vite').Plugin} */
export function slimPocketBase() {
  return {
    name: 'coffice-slim-pocketbase',
    apply: 'build',
    transform(code, id) {
      if (!/\/pocketbase\/dist\/pocketbase\.es\.mjs$/.test(id)) return null;
      let slim = code;
      for (const service of UNUSED_POCKETBASE_SERVICES) {
        const made = new RegExp(`,this\\.${service}=new \\w+Service\\(this\\)`);
        if (!made.test(slim)) {
          throw new Error(`slim-pocketbase: the SDK no longer creates "${service}" as expected; review scripts/lib/slim-pocketbase.mjs`);
        }
        slim = slim.replace(made, '');
      }
      const batch = 'createBatch(){return new BatchService(this)}';
      if (!slim.includes(batch))
        throw new Error('slim-pocketbase: the SDK no longer offers createBatch as expected; review scripts/lib/slim-pocketbase.mjs');
      return { code: withoutRecordMethods(slim.replace(batch, ''), (source) => /** @type {any} */ (this.parse(source))), map: null };
    },
  };
}
