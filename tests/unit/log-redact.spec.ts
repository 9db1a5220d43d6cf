// What PocketBase's request log keeps of an address (pb_hooks/lib/log-redact.js).
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { redactUri } = require('../../pb_hooks/lib/log-redact.js') as { redactUri(uri: string): string };

describe('the request log never keeps a secret, a pass code or an e-mail address', () => {
  it.each([
    ['/api/coffice/calendar/a1b2c3d4e5f6g7h/Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eA.ics', '/api/coffice/calendar/a1b2c3d4e5f6g7h/[secret]'],
    ['/me/reset?token=eyJhbGciOiJIUzI1NiJ9.eyJpZCI6IjEyMyJ9.c2lnbmF0dXJlc2lnbmF0dXJl', '/me/reset?token=[secret]'],
    ['/checkin/ABCDEFGHIJKLMNOPQRSTUVWXYZ', '/checkin/[code]'],
    ['/api/collections/users/records?filter=email%3D%22anna%40example.se%22', '/api/collections/users/records?filter=[email]'],
    ['/api/x?email=anna@example.se&next=/', '/api/x?email=[email]&next=/'],
    ['/api/x?code=CF1:ABCDEFGHIJKLMNOPQRSTUVWXYZ', '/api/x?code=[pass code]'],
    ['/api/x?code=CF1%3AABCDEFGHIJKLMNOPQRSTUVWXYZ', '/api/x?code=[pass code]'],
  ])('%s → %s', (uri, kept) => {
    expect(redactUri(uri)).toBe(kept);
  });

  it.each([
    '/api/collections/events/records?page=1&perPage=500&sort=starts',
    '/api/coffice/passes/abcdefghij12345/reissue',
    '/api/coffice/insights?from=2026-01-01&to=2026-12-31',
    '/_app/immutable/chunks/shell.B1x2y3z4.js',
    '/events/abcdefghij12345',
  ])('keeps %s as it is', (uri) => {
    expect(redactUri(uri)).toBe(uri);
  });
});
