import { describe, expect, it } from 'vitest';
import { safeNext, signInHref } from './next-path';

describe('safeNext', () => {
  it.each([
    ['/events/abc123', '/events/abc123'],
    ['/events/abc?register=1', '/events/abc?register=1'],
    ['/checkin/CF1-POSTER', '/checkin/CF1-POSTER'],
    ['/', '/'],
  ])('keeps the same-site path %s', (input, expected) => {
    expect(safeNext(input)).toBe(expected);
  });

  it.each([
    null,
    undefined,
    '',
    'events/x',
    '//evil.example/x',
    '/\\evil.example',
    'https://evil.example',
    'javascript:alert(1)',
    '/x\\y',
    '/x\n//y',
    ' /x',
  ])('refuses %j', (input) => {
    expect(safeNext(input)).toBeNull();
  });

  it('round-trips through the sign-in link', () => {
    const href = signInHref('/events/e1?register=1');
    expect(safeNext(new URL(href, 'http://x').searchParams.get('next'))).toBe('/events/e1?register=1');
  });
});
