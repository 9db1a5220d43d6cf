// A build-only Vite plugin: SvelteKit's client runtime imports Svelte as a namespace
// (`import * as svelte from 'svelte'`) and reads five functions off it (onMount, tick, untrack,
// fork, settled). A namespace used as a value keeps every export of 'svelte' in the shell
// chunk — createEventDispatcher, beforeUpdate/afterUpdate, createRawSnippet, hydratable,
// getAbortSignal… — and the namespace object itself, though nothing here calls them. Here
// each read becomes a named import (`svelte.tick` → `svelte_tick`): the same functions, and
// the bundler drops the rest, and `fork` too while SvelteKit's fork preloads are off
// (~0.6 KB gzip off the shell every screen loads). If a SvelteKit update changes the import,
// reads another function off the namespace or uses it otherwise, the build stops here
// instead of shipping a client that misses it.
const KIT_CLIENT = /\/@sveltejs\/kit\/src\/runtime\/client\/client\.js$/;
const NAMESPACE = "import * as svelte from 'svelte';";
export const KIT_READS_FROM_SVELTE = /** @type {const} */ (['onMount', 'tick', 'untrack', 'fork', 'settled']);
const known = /** @type {readonly string[]} */ (KIT_READS_FROM_SVELTE);
const READ = /(?<![\w./$-])svelte\s*\.\s*(\w+)/g;
const DESTRUCTURED = /\{([^}]*)\}\s*=\s*svelte\b/g;

/** @param {string} message */
const review = (message) => new Error(`kit-svelte-named: SvelteKit's client ${message}; review scripts/lib/kit-svelte-named.mjs`);

/** @param {string} code SvelteKit's client.js @returns {string} */
export function withNamedSvelte(code) {
  if (code.split(NAMESPACE).length !== 2) throw review(`no longer has "${NAMESPACE}" once`);
  const read = [...code.matchAll(READ)].map(([, name]) => name);
  for (const [, names] of code.matchAll(DESTRUCTURED)) read.push(...names.split(',').map((name) => name.trim()));
  const unknown = read.filter((name) => !known.includes(name));
  if (unknown.length > 0) throw review(`reads ${[...new Set(unknown)].join(', ')} off svelte`);
  const named = code
    .replace(NAMESPACE, `import { ${KIT_READS_FROM_SVELTE.map((name) => `${name} as svelte_${name}`).join(', ')} } from 'svelte';`)
    .replace(READ, (_, name) => `svelte_${name}`)
    .replace(DESTRUCTURED, (_, /** @type {string} */ names) =>
      names
        .split(',')
        .map((name) => `${name.trim()} = svelte_${name.trim()}`)
        .join(', '),
    );
  // what is left of the namespace outside comments: another use of it
  const codeOnly = named.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
  if (/(?<![\w./$'"-])svelte(?![\w'"/.-])/.test(codeOnly)) throw review('uses the svelte namespace in another way');
  return named;
}

/** @returns {import('vite').Plugin} */
export function kitSvelteNamed() {
  return {
    name: 'coffice-kit-svelte-named',
    apply: 'build',
    transform(code, id, options) {
      if (options?.ssr || !KIT_CLIENT.test(id)) return null;
      return { code: withNamedSvelte(code), map: null };
    },
  };
}
