// The refusal codes are an API contract (docs/DECISIONS.md): every code the hooks can send for a
// registration, an event edit or a booking is one the app knows, and has its own words in Swedish
// and English. The codes are read from pb_hooks itself, so a new server code without words fails
// here, not on a guest's screen.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hooksDir } from '../../scripts/lib/paths.mjs';
import { baseLocale, overwriteGetLocale } from '../../src/lib/paraglide/runtime';
import * as m from '../../src/lib/paraglide/messages';
import { REFUSAL_WORDS, REGISTRATION_REFUSAL_CODES, refusalText } from '../../src/lib/refusal-text';
import { EVENT_REFUSALS, type EventRefusalCode } from '../../src/lib/host/event-form';
import { problemText } from '../../src/routes/host/events/problem-text';
import { BOOKING_CODES } from '../../src/lib/services/rooms.service';
import { BOOKING_WORDS } from '../../src/routes/rooms/rooms-errors';
import { DESK_WORDS, deskRefusalText } from '../../src/lib/desks/desk-words';
import { DESK_MESSAGES } from '../../src/lib/desks/desk-rules';
import { APPLICATION_CODES } from '../../src/lib/services/join.service';
import { APPLICATION_WORDS } from '../../src/lib/join-words';

const LOCALES = ['sv', 'en'] as const;
afterEach(() => overwriteGetLocale(() => baseLocale));

/** The codes refused in these hook files: every `refuse("field", "code", …)`, which must name its
 * code as a literal; a refusal without a code (a bare BadRequestError) fails the test. */
function codesIn(...files: string[]): string[] {
  const codes: string[] = [];
  for (const file of files) {
    const source = readFileSync(path.join(hooksDir, file), 'utf8');
    const literal = [...source.matchAll(/\brefuse\(\s*"(\w+)",\s*"(\w+)"/g)].map(([, , code]) => code);
    expect(literal.length, `${file}: every refuse( names its field and code as literals`).toBe(source.match(/\brefuse\(/g)?.length ?? 0);
    expect(source, `${file}: a refusal without a code`).not.toMatch(/new BadRequestError\(/);
    codes.push(...literal);
  }
  return [...new Set(codes)].sort();
}

describe('the codes the server refuses with', () => {
  it('registrations: the app’s list is exactly the hooks’ codes', () => {
    expect(codesIn('registrations.pb.js', 'lib/registrations.js')).toEqual([...REGISTRATION_REFUSAL_CODES].sort());
  });

  it('event edits: the app’s list is exactly the hooks’ codes', () => {
    expect(codesIn('events.pb.js', 'lib/events.js')).toEqual(Object.keys(EVENT_REFUSALS).sort());
  });

  it('applications: the app’s list is exactly the hooks’ codes', () => {
    expect(codesIn('applications.pb.js', 'lib/applications.js')).toEqual([...APPLICATION_CODES].sort());
  });

  it('bookings: every literal code in the hooks is one the rooms screen words', () => {
    const source = readFileSync(path.join(hooksDir, 'lib/bookings.js'), 'utf8');
    const codes = [...source.matchAll(/\brefuse\(\s*"\w+",\s*"(\w+)"/g)].map(([, code]) => code);
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) expect(BOOKING_CODES).toContain(code);
  });
});

/** Words in both languages: not empty, not the code itself, not the same in both, and not the
 * generic words an unknown code gets. */
function expectWords(code: string, sv: string, en: string, generic: Record<(typeof LOCALES)[number], string>) {
  for (const [locale, text] of [
    ['sv', sv],
    ['en', en],
  ] as const) {
    expect(text.trim(), `${code} in ${locale}`).not.toBe('');
    expect(text, `${code} in ${locale}`).not.toContain(code);
    expect(text, `${code} in ${locale}`).not.toBe(generic[locale]);
  }
  expect(sv, code).not.toBe(en);
}

describe('every code in words', () => {
  it.each(REGISTRATION_REFUSAL_CODES.map((code) => [code]))('registration refusal %s', (code) => {
    const generic = { sv: m.refusal_unknown({}, { locale: 'sv' }), en: m.refusal_unknown({}, { locale: 'en' }) };
    expectWords(code, REFUSAL_WORDS[code]({}, { locale: 'sv' }), REFUSAL_WORDS[code]({}, { locale: 'en' }), generic);
  });

  it.each(APPLICATION_CODES.map((code) => [code]))('application refusal %s', (code) => {
    const inLocale = (locale: (typeof LOCALES)[number]) => {
      overwriteGetLocale(() => locale);
      return APPLICATION_WORDS[code]({ field: 'message', code, max: 2000 });
    };
    const generic = { sv: m.join_error_other({}, { locale: 'sv' }), en: m.join_error_other({}, { locale: 'en' }) };
    expectWords(code, inLocale('sv'), inLocale('en'), generic);
  });

  it('each registration refusal has its own words', () => {
    const english = REGISTRATION_REFUSAL_CODES.map((code) => REFUSAL_WORDS[code]({}, { locale: 'en' }));
    expect(new Set(english).size).toBe(english.length);
  });

  it.each(Object.keys(EVENT_REFUSALS).map((code) => [code as EventRefusalCode]))('event refusal %s', (code) => {
    const inLocale = (locale: (typeof LOCALES)[number]) => {
      overwriteGetLocale(() => locale);
      return problemText(EVENT_REFUSALS[code]({ confirmed: 4 }));
    };
    const generic = {
      sv: m.hostevents_problem_server({ code }, { locale: 'sv' }),
      en: m.hostevents_problem_server({ code }, { locale: 'en' }),
    };
    expectWords(code, inLocale('sv'), inLocale('en'), generic);
  });

  it.each(BOOKING_CODES.map((code) => [code]))('booking refusal %s', (code) => {
    const generic = { sv: m.refusal_unknown({}, { locale: 'sv' }), en: m.refusal_unknown({}, { locale: 'en' }) };
    expectWords(code, BOOKING_WORDS[code]({}, { locale: 'sv' }), BOOKING_WORDS[code]({}, { locale: 'en' }), generic);
  });

  it('every desk-day refusal has its own words on /desks, each a booking code the rooms screen words too', () => {
    for (const code of Object.keys(DESK_MESSAGES)) {
      expect(BOOKING_CODES).toContain(code);
      expect(Object.keys(DESK_WORDS)).toContain(code);
    }
    const english = Object.values(DESK_WORDS).map((words) => words({}, { locale: 'en' }));
    expect(new Set(english).size).toBe(english.length);
    overwriteGetLocale(() => 'sv');
    expect(deskRefusalText('booking_full')).toBe('Alla platser är tagna den dagen.');
    overwriteGetLocale(() => 'en');
    expect(deskRefusalText('booking_full')).toBe('Every desk is taken that day.');
    expect(deskRefusalText('booking_something_new')).toContain('(booking_something_new)');
  });

  it('a refused registration shows its words in the person’s language', () => {
    overwriteGetLocale(() => 'sv');
    expect(refusalText('event_ended')).toBe('evenemanget har redan varit.');
    overwriteGetLocale(() => 'en');
    expect(refusalText('event_ended')).toBe('the event has already taken place.');
  });

  it('a code without words names itself in both languages; an old English sentence is not shown', () => {
    for (const locale of LOCALES) {
      overwriteGetLocale(() => locale);
      expect(refusalText('event_full')).toBe(m.refusal_other({ code: 'event_full' }, { locale }));
      expect(refusalText('event_full')).toContain('(event_full)');
      expect(refusalText('This event has already ended.')).toBe(m.refusal_unknown({}, { locale }));
      expect(refusalText('constructor')).toContain('(constructor)');
      expect(refusalText(undefined)).toBe(m.refusal_unknown({}, { locale }));
    }
  });
});
