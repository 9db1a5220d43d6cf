// A build-only Vite plugin for Paraglide's compiled runtime (src/lib/paraglide/runtime.js),
// which the shell chunk every screen loads carries. The app has no route strategies
// (`routeStrategies = []`), no custom strategies and no cookie strategy, but the runtime
// decides all three at run time: every getLocale() asks `findMatchingRouteStrategy`, whose
// body (URL canonicalisation, de-localising URLs, URLPattern matching) the bundler cannot
// drop, getLocale() and setLocale() look for custom strategies (and wait for their promises),
// and a module-level `new RegExp` for the locale cookie stays as a possible side effect. Here
// the empty lists are known at build time and the RegExp is marked pure: the same locale is
// chosen, and ~0.35 KB gzip of dead code leaves the shell. If a Paraglide update changes these
// lines (or the app gains a route or custom strategy), the build stops here instead.
const RUNTIME = /\/src\/lib\/paraglide\/runtime\.js$/;
const NO_ROUTE_STRATEGIES = 'export const routeStrategies = [];';
const ASKS_ROUTE_STRATEGIES = 'if (routeStrategies.length === 0) {';
const COOKIE_PATTERN = 'const localeCookiePattern = new RegExp(';
// getLocale() and setLocale(), each once (the server's own lookups are not in the client)
const ASKS_CUSTOM_STRATEGY = 'else if (isCustomStrategy(strat) && customClientStrategies.has(strat)) {';
const STRATEGIES = /export const strategy = \[([^\]]*)\];/;

/** @param {string} code Paraglide's runtime.js @returns {string} */
export function slimParaglideRuntime(code) {
  for (const line of [NO_ROUTE_STRATEGIES, ASKS_ROUTE_STRATEGIES, COOKIE_PATTERN]) {
    if (code.split(line).length !== 2)
      throw new Error(`slim-paraglide: the runtime no longer has "${line}" once; review scripts/lib/slim-paraglide.mjs`);
  }
  if (code.split(ASKS_CUSTOM_STRATEGY).length !== 3)
    throw new Error(`slim-paraglide: the runtime no longer has "${ASKS_CUSTOM_STRATEGY}" twice; review scripts/lib/slim-paraglide.mjs`);
  const strategies = STRATEGIES.exec(code)?.[1];
  if (strategies === undefined || strategies.includes('custom-'))
    throw new Error('slim-paraglide: the runtime has a custom strategy (or no `strategy` list); review scripts/lib/slim-paraglide.mjs');
  return code
    .replaceAll(ASKS_CUSTOM_STRATEGY, 'else if (false) {')
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
