// 10,000 random and hostile QR texts (random bytes, unicode, HTML/JS, URLs, near-miss codes,
// huge strings) through the server's verdict module in Node and through the scan route of a
// real PocketBase: only `invalid` or `unknown`, never a 5xx, never the text echoed back.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import table from '../fixtures/verdict-cases.json';
import { decide as browserDecide, type DoorEvent, type DoorPass } from '../../src/lib/door/verdict';
import { dayOf } from '../../src/lib/time/venue-clock';
import { startTestServer, type TestServer } from '../helpers/server';

const require = createRequire(import.meta.url);
const { decide } = require('../../pb_hooks/lib/vendor/verdict.js');

// A seeded generator (mulberry32), so a failing text can be found again.
let seed = 20261128;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const chars = (alphabet: string, n: number) => Array.from({ length: n }, () => pick([...alphabet])).join('');
const code = () => 'CF1:' + chars(BASE32, 26);

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(document.cookie)>',
  "javascript:alert('x')",
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  '{{constructor.constructor("alert(1)")()}}',
  "'; DROP TABLE checkins; --",
  'code = "x" || 1 = 1',
  '__proto__',
  '../../../etc/passwd',
  '\u0000\u0001\u0002',
  '${7*7}',
];
const URLS = [
  'https://evil.example/?x=1',
  'http://127.0.0.1:8090/_/',
  'webcal://x/y.ics',
  'intent://scan/#Intent;scheme=zxing;end',
  'https://coffice.example/checkin/',
];
const UNICODE = ['Ｃ Ｆ １', '🎫🚪✅', 'مرحبا', '\u202eCF1:', 'Åsa Öberg', '\u200b', 'ﬀ', 'é', '\ud83d'];

const generators: (() => string)[] = [
  // random bytes read as text
  () => Buffer.from(Array.from({ length: Math.floor(random() * 200) }, () => Math.floor(random() * 256))).toString('latin1'),
  () => Buffer.from(Array.from({ length: Math.floor(random() * 200) }, () => Math.floor(random() * 256))).toString('utf8'),
  () => pick(UNICODE) + chars(BASE32, Math.floor(random() * 30)) + pick(UNICODE),
  () => pick(HOSTILE) + (random() < 0.5 ? code() : ''),
  () => pick(URLS) + encodeURIComponent(code()),
  // near misses: one thing wrong each
  () => 'CF1:' + chars(BASE32, pick([0, 1, 25, 27, 52])),
  () => code().toLowerCase(),
  () => 'CF1:' + chars(BASE32 + '0189', 26).replace(/^[A-Z2-7]/, '0'),
  () => pick([' ', '\n', '\t', '\u200b', '\r\n']) + code(),
  () => code() + pick([' ', '\n', '\t', '\u200b', '\r\n', '\u0000']),
  () => pick(['CF2:', 'CF1;', 'CF1 ', 'cf1:', 'CF1：']) + chars(BASE32, 26),
  () => code().replace(/[A-Z]/, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
  // well-formed codes no pass has: unknown
  code,
];

function texts(n: number, maxHuge: number) {
  const list = Array.from({ length: n - 4 }, () => pick(generators)());
  // huge strings: up to what the route's body limit lets through
  list.push('A'.repeat(maxHuge), code().repeat(Math.floor(maxHuge / 30)), '<'.repeat(maxHuge), '\u00e5'.repeat(Math.floor(maxHuge / 2)));
  return list;
}

const PASS_CODE = /^CF1:[A-Z2-7]{26}$/;
const passes = table.passes as Record<string, DoorPass>;

describe('fuzz', () => {
  it('the verdict module (server mirror and browser alike): 10,000 texts, only invalid or unknown', () => {
    const counts: Record<string, number> = {};
    for (const text of texts(10_000, 1_000_000)) {
      for (const door of [{ kind: 'front' as const }, { kind: 'event' as const, event: 'breakfast' }]) {
        const input = {
          code: text,
          pass: passes[text],
          events: table.events as DoorEvent[],
          scans: [],
          door,
          direction: 'in' as const,
          at: new Date(),
        };
        const decision = decide(input, dayOf);
        expect(decision).toEqual(browserDecide(input, dayOf));
        expect(decision.verdict).toBe(PASS_CODE.test(text) ? 'unknown' : 'invalid');
        counts[decision.verdict] = (counts[decision.verdict] ?? 0) + 1;
      }
    }
    expect(counts.unknown).toBeGreaterThan(500);
    expect(counts.invalid).toBeGreaterThan(15_000);
  });

  describe('through the scan route of a real PocketBase', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer();
    });
    afterAll(() => server?.stop());

    async function post(token: string, text: string) {
      const response = await fetch(`${server.url}/api/coffice/scan`, {
        method: 'POST',
        headers: { Authorization: token, 'Content-Type': 'application/json' },
        body: JSON.stringify({ code: text, device: 'fuzz' }),
      });
      return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.text() };
    }

    it('10,000 texts, 8 at a time: 200 with invalid or unknown, JSON only, the text never echoed; unknowns stored, nothing else', async () => {
      const all = texts(10_000, 15_000);
      const token = server.admin.authStore.token; // operators are not rate limited: 10,000 requests in seconds
      const seen: Record<string, number> = {};
      for (let i = 0; i < all.length; i += 8) {
        const batch = all.slice(i, i + 8);
        const answers = await Promise.all(batch.map((text) => post(token, text)));
        answers.forEach((answer, k) => {
          const text = batch[k];
          expect(answer.status, JSON.stringify(text.slice(0, 80))).toBe(200);
          expect(answer.type).toMatch(/^application\/json/);
          const verdict = JSON.parse(answer.body).verdict;
          expect(verdict).toBe(PASS_CODE.test(text) ? 'unknown' : 'invalid');
          if (text.length >= 8 && verdict === 'invalid') expect(answer.body).not.toContain(text);
          seen[verdict] = (seen[verdict] ?? 0) + 1;
        });
      }
      expect(seen.unknown + seen.invalid).toBe(10_000);
      const stored = await server.admin.collection('checkins').getList(1, 1, { filter: 'device = "fuzz"' });
      expect(stored.totalItems).toBe(seen.unknown);
    }, 600_000);

    it('a host gets the same answers within the scan rate limit, and a body over the limit is a 413, not a crash', async () => {
      const { pb } = await server.person('host');
      for (const text of texts(100, 15_000)) {
        const answer = await post(pb.authStore.token, text);
        expect(answer.status).toBe(200);
        expect(JSON.parse(answer.body).verdict).toBe(PASS_CODE.test(text) ? 'unknown' : 'invalid');
      }
      expect((await post(pb.authStore.token, 'A'.repeat(17_000))).status).toBe(413);
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    });
  });
});
