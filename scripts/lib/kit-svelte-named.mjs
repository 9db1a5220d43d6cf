// A build-only Vite plugin: SvelteKit's client runtime imports Svelte as a namespace
// (`import * as svelte from 'svelte'`) and reads five functions off it (onMount, tick, untrack,
// fork, settled). A namespace used as a value keeps every export of 'svelte' in the shell
// chunk — createEventDispatcher, beforeUpdate/afterUpdate, createRawSnippet, hydratable,
// getAbortSignal… — and the namespace object itself, though nothing here calls them. Here the
// namespace becomes a plain object of those five named imports: the same functions, and the
// bundler drops the rest (~0.5 KB gzip off the shell every screen loads). If a SvelteKit update
// changes the import or reads another function off the namespace, the build stops here
// instead of shipping a client that misses it.
const KIT_CLIENT = /\/@sveltejs\/kit\/src\/runtime\/client\/client\.js$/;
const NAMESPACE = "import * as svelte from 'svelte';";
export const KIT_READS_FROM_SVELTE = /** @type {const} */ (['onMount', 'tick', 'untrack', 'fork', 'settled']);

/** @param {string} code SvelteKit's client.js @returns {string} */
export function withNamedSvelte(code) {
  if (!code.includes(NAMESPACE))
    throw new Error(`kit-svelte-named: SvelteKit's client no longer has "${NAMESPACE}"; review scripts/lib/kit-svelte-named.mjs`);
  const read = new Set([...code.matchAll(/(?<![\w./$-])svelte\s*\.\s*(\w+)/g)].map(([, name]) => name));
  for (const [, names] of code.matchAll(/\{([^}]*)\}\s*=\s*svelte\b/g)) for (const name of names.split(',')) read.add(name.trim());
  const unknown = [...read].filter((name) => !(/** @type {readonly string[]} */ (KIT_READS_FROM_SVELTE).includes(name)));
  if (unknown.length > 0)
    throw new Error(`kit-svelte-named: SvelteKit's client reads ${unknown.join(', ')} off svelte; review scripts/lib/kit-svelte-named.mjs`);
  const imports = KIT_READS_FROM_SVELTE.map((name) => `${name} as svelte_${name}`).join(', ');
  const object = KIT_READS_FROM_SVELTE.map((name) => `${name}: svelte_${name}`).join(', ');
  return code.replace(NAMESPACE, `import { ${imports} } from 'svelte'; const svelte = { ${object} };`);
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
