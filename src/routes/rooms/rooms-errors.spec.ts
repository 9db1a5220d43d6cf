// Every code the server refuses a booking with has its own words, in Swedish and in English.
import { describe, expect, it } from 'vitest';
import { BOOKING_CODES } from '$lib/services/rooms.service';
import * as m from '$lib/paraglide/messages';
import { BOOKING_WORDS } from './rooms-errors';

describe('booking refusals in words', () => {
  it.each(BOOKING_CODES.map((code) => [code]))('%s has words in both languages', (code) => {
    const sv = BOOKING_WORDS[code]({}, { locale: 'sv' });
    const en = BOOKING_WORDS[code]({}, { locale: 'en' });
    expect(sv.trim()).not.toBe('');
    expect(en.trim()).not.toBe('');
    expect(sv).not.toBe(en);
    for (const [locale, text] of [
      ['sv', sv],
      ['en', en],
    ] as const) {
      expect(text).not.toBe(m.error_unknown({}, { locale }));
    }
  });

  it('gives each code its own words', () => {
    const english = BOOKING_CODES.map((code) => BOOKING_WORDS[code]({}, { locale: 'en' }));
    expect(new Set(english).size).toBe(BOOKING_CODES.length);
  });
});
