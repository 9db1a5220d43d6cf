// Whatever a camera reads — random bytes, unicode, markup, links, near-miss codes — the
// door's decision is only ever `invalid` or `unknown` for a text no pass has, and never throws.
import { describe, expect, it } from 'vitest';
import { dayOf } from '$lib/time/venue-clock';
import { decide } from './verdict';

function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  'https://evil.example/CF1:',
  'CF1:',
  'CF1:' + 'A'.repeat(25),
  'CF1:' + 'A'.repeat(27),
  'cf1:' + 'A'.repeat(26),
  'CF1:' + '0'.repeat(26),
  'CF1:' + 'A'.repeat(25) + '8',
  '\u0000CF1:' + 'A'.repeat(26),
  'CF1:' + 'A'.repeat(26) + '\n',
  'ＣＦ１：' + 'Ａ'.repeat(26),
  '{"code":"CF1:AAAA"}',
  '../../etc/passwd',
  'x'.repeat(100_000),
  '🎫'.repeat(30),
  'DROP TABLE checkins;--',
];

function randomText(rnd: () => number): string {
  const kind = Math.floor(rnd() * 4);
  const length = Math.floor(rnd() * 80);
  if (kind === 0) return HOSTILE[Math.floor(rnd() * HOSTILE.length)];
  if (kind === 1) return Array.from({ length }, () => String.fromCharCode(Math.floor(rnd() * 0xffff))).join('');
  if (kind === 2) return 'CF1:' + Array.from({ length: 26 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[Math.floor(rnd() * 32)]).join('');
  return Array.from({ length }, () => String.fromCharCode(32 + Math.floor(rnd() * 95))).join('');
}

describe('the door under hostile input', () => {
  it('10,000 random and hostile texts are invalid, or unknown when well-formed', () => {
    const rnd = seeded(6);
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const code = randomText(rnd);
      const decision = decide(
        { code, pass: undefined, events: [], scans: [], door: { kind: 'front' }, direction: 'in', at: new Date() },
        dayOf,
      );
      const wellFormed = /^CF1:[A-Z2-7]{26}$/.test(code);
      expect(decision.verdict).toBe(wellFormed ? 'unknown' : 'invalid');
      seen.add(decision.verdict);
    }
    expect([...seen].sort()).toEqual(['invalid', 'unknown']);
  });
});
