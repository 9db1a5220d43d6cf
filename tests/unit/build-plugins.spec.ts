// The build-only plugins that cut dead code off the shell chunk (scripts/lib/kit-svelte-named.mjs,
// scripts/lib/slim-paraglide.mjs) against the installed SvelteKit and the compiled Paraglide
// runtime: an update that changes the code they patch fails here (and stops the build), and
// the patched code still does what the original did.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { root } from '../../scripts/lib/paths.mjs';
import { KIT_READS_FROM_SVELTE, withNamedSvelte } from '../../scripts/lib/kit-svelte-named.mjs';
import { slimParaglideRuntime } from '../../scripts/lib/slim-paraglide.mjs';

const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

describe("SvelteKit's client with named imports of Svelte", () => {
  const client = read('node_modules/@sveltejs/kit/src/runtime/client/client.js');

  it('imports exactly the functions the client reads off the namespace, each from svelte', async () => {
    const named = withNamedSvelte(client);
    expect(named).not.toContain("import * as svelte from 'svelte'");
    expect(named).not.toMatch(/(?<![\w./$-])svelte\s*\./);
    expect(named).toContain('const onMount = svelte_onMount, tick = svelte_tick;');
    const svelte = await import('svelte');
    for (const name of KIT_READS_FROM_SVELTE) {
      expect(named).toContain(`${name} as svelte_${name}`);
      expect(name in svelte, name).toBe(true);
    }
  });

  it('stops the build when the client reads another function off the namespace', () => {
    expect(() => withNamedSvelte(`${client}\nsvelte.mount(App, {});`)).toThrow(/reads mount off svelte/);
    expect(() => withNamedSvelte(`${client}\nconsole.log(svelte);`)).toThrow(/uses the svelte namespace in another way/);
    expect(() => withNamedSvelte(client.replace("import * as svelte from 'svelte';", ''))).toThrow(/review/);
  });
});

describe("Paraglide's runtime without route strategies", () => {
  const runtime = read('src/lib/paraglide/runtime.js');

  it('exports the same names and picks the same strategy and locale', async () => {
    expect(slimParaglideRuntime(runtime)).not.toContain('customClientStrategies.has(strat)');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coffice-paraglide-'));
    const original = path.join(dir, 'original.js');
    const slim = path.join(dir, 'slim.js');
    fs.writeFileSync(original, runtime);
    fs.writeFileSync(slim, slimParaglideRuntime(runtime));
    const before = await import(/* @vite-ignore */ pathToFileURL(original).href);
    const after = await import(/* @vite-ignore */ pathToFileURL(slim).href);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const url of ['https://coffice.example/', 'https://coffice.example/en/events/abc?x=1']) {
      expect(after.getStrategyForUrl(url)).toEqual(before.getStrategyForUrl(url));
      expect(after.isExcludedByRouteStrategy(url)).toBe(before.isExcludedByRouteStrategy(url));
    }
    expect(after.getLocale()).toBe(before.getLocale());
    fs.rmSync(dir, { recursive: true });
  });

  it('stops the build when the runtime gains route or custom strategies', () => {
    expect(() => slimParaglideRuntime(runtime.replace('"localStorage",', '"custom-session", "localStorage",'))).toThrow(/custom strategy/);
    expect(() =>
      slimParaglideRuntime(runtime.replace('export const routeStrategies = [];', 'export const routeStrategies = [{ match: "/x" }];')),
    ).toThrow(/review/);
  });
});
