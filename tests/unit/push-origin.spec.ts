// Where PocketBase will send a web push (pb_hooks/lib/push.js): browsers' push services only —
// https and a public name — never an address or a local name inside the venue's network.
import { createRequire } from 'node:module';
import { expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { originOf } = require('../../pb_hooks/lib/push.js') as { originOf(app: unknown, endpoint: string): string };
const app = (allowHttp: boolean) => ({ store: () => ({ get: () => allowHttp }) });

it.each([
  ['https://fcm.googleapis.com/fcm/send/abc', 'https://fcm.googleapis.com'],
  ['https://web.push.apple.com/QOabc', 'https://web.push.apple.com'],
  ['https://updates.push.services.mozilla.com/wpush/v2/x', 'https://updates.push.services.mozilla.com'],
  ['https://wns2-by3p.notify.windows.com:443/w/?token=x', 'https://wns2-by3p.notify.windows.com:443'],
])('sends to the push service %s (JWT audience %s)', (endpoint, audience) => {
  expect(originOf(app(false), endpoint)).toBe(audience);
});

it.each([
  'http://fcm.googleapis.com/x',
  'https://127.0.0.1/x',
  'https://[::1]/x',
  'https://localhost:8090/api/x',
  'https://intranet/x',
  'https://printer.local/x',
  'https://user@evil.example/x',
  'ftp://push.example/x',
  'not a url',
])('refuses %s', (endpoint) => {
  expect(originOf(app(false), endpoint)).toBe('');
});

it('lets the tests’ own hooks allow their plain-http stand-in on 127.0.0.1', () => {
  expect(originOf(app(true), 'http://127.0.0.1:4567/push/x')).toBe('http://127.0.0.1:4567');
});
