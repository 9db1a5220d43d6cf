// Every string exists in Swedish and English, and the compiler really compiled them
// (a misconfigured inlang project compiles zero messages and still reports success).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../../scripts/lib/paths.mjs';
import * as m from '../../src/lib/paraglide/messages';

const messages = (locale: string) =>
  JSON.parse(readFileSync(path.join(root, 'messages', `${locale}.json`), 'utf8')) as Record<string, string>;

describe('messages', () => {
  it('Swedish and English have the same keys, none empty', () => {
    const sv = messages('sv');
    const en = messages('en');
    expect(Object.keys(sv).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of [...Object.entries(sv), ...Object.entries(en)]) expect(text.trim(), key).not.toBe('');
  });

  it('the compiled messages speak both languages', () => {
    expect(m.nav_programme({}, { locale: 'sv' })).toBe('Program');
    expect(m.nav_programme({}, { locale: 'en' })).toBe('Programme');
    expect(m.event_places_left({ count: 3 }, { locale: 'sv' })).toBe('3 platser kvar');
    expect(m.event_places_left({ count: 3 }, { locale: 'en' })).toBe('3 places left');
  });

  it('every message in the files was compiled', () => {
    const compiled = Object.keys(m).filter((k) => typeof (m as Record<string, unknown>)[k] === 'function');
    expect(compiled).toEqual(expect.arrayContaining(Object.keys(messages('sv')).filter((k) => k !== '$schema')));
  });
});
