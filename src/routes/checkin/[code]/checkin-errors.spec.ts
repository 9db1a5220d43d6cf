import { afterEach, describe, expect, it } from 'vitest';
import { baseLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import { SELF_CHECKIN_CODES } from '$lib/services/self-checkin.service';
import { checkinErrorMessage } from './checkin-errors';

afterEach(() => overwriteGetLocale(() => baseLocale));

describe('checkinErrorMessage', () => {
  it('words every refusal of the server in Swedish and English, each its own', () => {
    for (const locale of ['sv', 'en'] as const) {
      overwriteGetLocale(() => locale);
      const words = [...SELF_CHECKIN_CODES, 'too_many' as const].map(checkinErrorMessage);
      expect(new Set(words).size).toBe(words.length);
      for (const text of words) expect(text).not.toMatch(/day_code|door_|"/);
    }
    overwriteGetLocale(() => 'sv');
    expect(checkinErrorMessage('day_code_wrong')).toBe(
      'Det är inte dagens dörrkod. Den byts varje dag: läs av den på dörrskärmen vid entrén.',
    );
    overwriteGetLocale(() => 'en');
    expect(checkinErrorMessage('day_code_wrong')).toBe(
      'That is not today’s door code. It changes every day: read it on the door screen at the entrance.',
    );
    expect(checkinErrorMessage('too_many')).toBe('Too many tries in a short time. Wait ten minutes and try again, or ask a host.');
  });
});
