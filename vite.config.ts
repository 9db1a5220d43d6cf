import path from 'node:path';
import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { configDefaults, defineConfig } from 'vitest/config';
import { slimPocketBase } from './scripts/lib/slim-pocketbase.mjs';
import { qrOnlyZxing } from './scripts/lib/qr-only-zxing.mjs';
import { compactMessages } from './scripts/lib/compact-messages.mjs';
import { kitSvelteNamed } from './scripts/lib/kit-svelte-named.mjs';
import { slimParaglide } from './scripts/lib/slim-paraglide.mjs';

// The guest screens (programme, event, pass) and the layout around them are what most people
// open, often on a slow phone: everything they import statically goes into one 'shell'
// chunk, loaded once and cached, instead of ~20 shared chunks of a few hundred bytes each
// (each its own request and its own gzip frame). The guest screens' own components go in too:
// split per route, each chunk imported a few hundred names from the shell, and the shell
// exported them (−3.6 KB gzip for the guest screens; the door loads them too, +2.3 KB).
// Other routes stay in their own chunks, and so does whatever is imported lazily.
const GUEST_SCREENS = [
  'src/routes/+layout.svelte',
  'src/routes/+page.svelte',
  'src/routes/events/[id]/+page.svelte',
  'src/routes/passes/+page.svelte',
  'src/routes/passes/[id]/+page.svelte',
];
type ModuleGraph = { getModuleInfo(id: string): { importedIds: readonly string[]; code: string | null } | null };
let shellModules: Set<string> | null = null; // per build (Vite builds the server side, then the client)
let shellMessages: Set<string> | null = null;
const freshShell = { name: 'coffice-shell-chunk', buildStart: () => void (shellModules = shellMessages = null) };

function shellChunk(id: string, graph: ModuleGraph): string | null {
  if (!shellModules || !shellMessages) {
    shellModules = new Set();
    shellMessages = new Set();
    const roots = GUEST_SCREENS.map((file) => path.resolve(file));
    const queue = [...roots];
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
      const info = graph.getModuleInfo(next);
      // Paraglide's messages are all reached through one index; only those these screens
      // name (m.some_message) belong with them, the rest stay with the screens that use them
      for (const [, name] of info?.code?.matchAll(/\bm\.(\w+)/g) ?? []) shellMessages.add(name);
      for (const imported of info?.importedIds ?? []) {
        if (shellModules.has(imported)) continue;
        shellModules.add(imported);
        queue.push(imported);
      }
    }
    // the guest screens' own components too: one gzip frame compresses them with the rest
    for (const root of roots) shellModules.add(root);
  }
  const isRoute = id.includes('/src/routes/') && /\+(page|layout)\.svelte$/.test(id) && !shellModules.has(id);
  const message = /\/paraglide\/messages\/(\w+)\.js$/.exec(id)?.[1];
  if (message) return shellMessages.has(message) ? 'shell' : null;
  return shellModules.has(id) && !isRoute && !id.includes('/paraglide/messages') && !id.includes('?') ? 'shell' : null;
}

export default defineConfig({
  plugins: [
    paraglideVitePlugin({
      project: './project.inlang',
      outdir: './src/lib/paraglide',
      strategy: ['localStorage', 'baseLocale'],
      emitGitIgnore: true,
    }),
    compactMessages(),
    slimParaglide(),
    // the door's html5-qrcode fallback gets a QR-only ZXing instead of its all-formats copy
    qrOnlyZxing(),
    sveltekit(),
    slimPocketBase(),
    kitSvelteNamed(),
    freshShell,
  ],
  build: {
    rolldownOptions: {
      output: { minify: { compress: { dropConsole: true } }, codeSplitting: { groups: [{ name: shellChunk, debugName: 'shell' }] } },
    },
  },
  server: {
    // `npm run dev`: the API comes from the PocketBase started beside Vite
    proxy: { '/api': { target: `http://127.0.0.1:${process.env.PB_PORT ?? 8090}`, ws: false } },
  },
  test: {
    expect: { requireAssertions: true },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.spec.ts', 'tests/unit/**/*.spec.ts'],
          exclude: [...configDefaults.exclude, 'src/**/*.svelte.spec.ts'],
        },
      },
      {
        // components rendered in a simulated DOM, tested by what a person sees and hears
        extends: true,
        resolve: { conditions: ['browser'] },
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['src/**/*.svelte.spec.ts'],
          setupFiles: ['tests/component-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          environment: 'node',
          include: ['tests/integration/**/*.spec.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
