// A build-only Vite plugin for Paraglide's compiled runtime (src/lib/paraglide/runtime.js),
// which the shell chunk every screen loads carries. The app has no route strategies
// (`routeStrategies = []`) and no cookie strategy, but the runtime decides both at run time:
// every getLocale() asks `findMatchingRouteStrategy`, whose body (URL canonicalisation,
// de-localising URLs, URLPattern matching) the bundler cannot drop, and a module-level
// `new RegExp` for the locale cookie stays as a possible side effect. Here the empty list is
// known at build time and the RegExp is marked pure: the same locale is chosen, and ~0.3 KB
// gzip of dead code leaves the shell. If a Paraglide update changes these lines (or the app
// gains a route strategy), the build stops here instead.
const RUNTIME = /\/src\/lib\/paraglide\/runtime\.js$/;
const NO_ROUTE_STRATEGIES = 'export const routeStrategies = [];';
const ASKS_ROUTE_STRATEGIES = 'if (routeStrategies.length === 0) {';
const COOKIE_PATTERN = 'const localeCookiePattern = new RegExp(';

/** @param {string} code Paraglide's runtime.js @returns {string} */
export function slimParaglideRuntime(code) {
  for (const line of [NO_ROUTE_STRATEGIES, ASKS_ROUTE_STRATEGIES, COOKIE_PATTERN]) {
    if (code.split(line).length !== 2)
      throw new Error(`slim-paraglide: the runtime no longer has "${line}" once; review scripts/lib/slim-paraglide.mjs`);
  }
  return code
    .replace(ASKS_ROUTE_STRATEGIES, 'if (true) {')
    .replace(COOKIE_PATTERN, 'const localeCookiePattern = /* @__PURE__ */ new RegExp(');
}

/** @returns {import('vite').Plugin} */
export function slimParaglide() {
  return {
    name: 'coffice-slim-paraglide',
    apply: 'build',
    transform(code, id) {
      return RUNTIME.test(id) ? { code: slimParaglideRuntime(code), map: null } : null;
    },
  };
}
