// Every message as the built app runs it — Paraglide's message modules for production,
// compacted by scripts/lib/compact-messages.mjs — says exactly what messages/sv.json and
// messages/en.json say, in the language asked for. (Vitest itself runs Paraglide's
// development form, so this spec compiles the production form on its own.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '@inlang/paraglide-js';
import { compactMessage } from '../../scripts/lib/compact-messages.mjs';
import { root } from '../../scripts/lib/paths.mjs';

type Message = (inputs: Record<string, string>, options: { locale: 'sv' | 'en' }) => string;
const read = (locale: string): Record<string, string> => {
  const { $schema: _schema, ...messages } = JSON.parse(fs.readFileSync(path.join(root, `messages/${locale}.json`), 'utf8'));
  return messages;
};
const sv = read('sv');
const en = read('en');
/** The inputs a message names, each given a recognisable value; and the text with them in. */
const inputsOf = (text: string) => Object.fromEntries([...text.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name, `<${name}>`]));
const filledIn = (text: string) => text.replace(/\{(\w+)\}/g, (_, name) => `<${name}>`);

let outdir = '';
const compacted = new Map<string, Message>();
const longForm: string[] = [];

beforeAll(async () => {
  outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'coffice-messages-'));
  await compile({ project: path.join(root, 'project.inlang'), outdir, outputStructure: 'message-modules' });
  const dir = path.join(outdir, 'messages');
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.js') && f !== '_index.js')) {
    const code = compactMessage(fs.readFileSync(path.join(dir, file), 'utf8'));
    if (!code) {
      longForm.push(file);
      continue;
    }
    const compactFile = path.join(dir, `compact-${file}`);
    fs.writeFileSync(compactFile, code);
    const module = await import(/* @vite-ignore */ pathToFileURL(compactFile).href);
    compacted.set(file.replace(/\.js$/, ''), module[file.replace(/\.js$/, '')]);
  }
}, 60_000);
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

describe('messages', () => {
  it('both languages have the same messages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
  });

  it('every message module Paraglide writes for production is of the shape the compaction knows', () => {
    expect(longForm).toEqual([]);
    expect([...compacted.keys()].sort()).toEqual(Object.keys(sv).sort());
  });

  it.each(Object.keys(sv))('%s, compacted, says what the message files say in Swedish and in English', (key) => {
    const inputs = { ...inputsOf(sv[key]), ...inputsOf(en[key]) };
    const message = compacted.get(key)!;
    expect(message(inputs, { locale: 'sv' })).toBe(filledIn(sv[key]));
    expect(message(inputs, { locale: 'en' })).toBe(filledIn(en[key]));
  });
});
