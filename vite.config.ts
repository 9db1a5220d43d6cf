import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';
import { qrOnlyZxing } from './scripts/lib/qr-only-zxing.mjs';

export default defineConfig({
  plugins: [
    paraglideVitePlugin({
      project: './project.inlang',
      outdir: './src/lib/paraglide',
      strategy: ['localStorage', 'baseLocale'],
      emitGitIgnore: true,
    }),
    // the door's html5-qrcode fallback gets a QR-only ZXing instead of its all-formats copy
    qrOnlyZxing(),
    sveltekit(),
  ],
  build: {
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'shell',
              test: /node_modules\/(svelte|@sveltejs\/kit|pocketbase|idb|devalue|esm-env|clsx)\/|src\/lib\/(offline|state|pocketbase|pwa)\/|src\/lib\/paraglide\/runtime/,
            },
          ],
        },
      },
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
