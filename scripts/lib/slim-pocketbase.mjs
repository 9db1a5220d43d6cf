// A build-only Vite plugin: the PocketBase SDK's client creates every admin service in its
// constructor (collections, logs, settings, health, backups, crons, sql) and offers batch
// requests, so a bundler can drop none of them although the app never uses one (superuser
// work and batches happen in the dashboard, tests and scripts). Leaving them out of the
// client lets the bundler drop their classes: ~1 KB gzip off the shell every screen loads. If an SDK update
// changes the constructor, the build stops here instead of shipping a half-patched client;
// the app's client type (TypedPocketBase) omits the same services, so no code can reach them.
export const UNUSED_POCKETBASE_SERVICES = ['collections', 'logs', 'settings', 'health', 'backups', 'crons', 'sql'];

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
      if (!slim.includes(batch)) throw new Error('slim-pocketbase: the SDK no longer offers createBatch as expected; review scripts/lib/slim-pocketbase.mjs');
      return { code: slim.replace(batch, ''), map: null };
    },
  };
}
