import { describe, expect, it } from 'vitest';
import { eventsTakenAt, openName, sha256Hex } from './door-list';
import { dayOf } from '$lib/time/venue-clock';

/** Seals like the server does (PocketBase `$security.encrypt`: AES-256-GCM, nonce first, base64). */
async function seal(name: string, code: string): Promise<string> {
  const keyText = (await sha256Hex(`coffice-name:${code}`)).slice(0, 32);
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(keyText), 'AES-GCM', false, ['encrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(name)));
  return btoa(String.fromCharCode(...iv, ...sealed));
}

const CODE = 'CF1:ABCDEFGHIJKLMNOPQRSTUVWXYZ';

describe('the door list keeps codes and names from a lost tablet', () => {
  it('hashes codes with SHA-256', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('opens a name only with the right code', async () => {
    const sealed = await seal('Sara Holm', CODE);
    expect(await openName(sealed, CODE)).toBe('Sara Holm');
    expect(await openName(sealed, 'CF1:ABCDEFGHIJKLMNOPQRSTUVWXY2')).toBeUndefined();
    expect(await openName('not base64 at all!', CODE)).toBeUndefined();
    expect(sealed).not.toContain('Sara');
  });
});

describe('name search offers the passes this door takes now (issue #12)', () => {
  const event = (id: string, starts: string, status: 'published' | 'cancelled' = 'published') => ({
    id,
    starts,
    ends: starts,
    status,
    reentry: false,
  });
  // 23:30 in Stockholm on 30 November is 22:30 UTC
  const now = new Date('2026-11-30T22:30:00Z');
  const events = [
    event('today', '2026-11-30 07:00:00.000Z'),
    event('tonight', '2026-11-30 22:45:00.000Z'), // 23:45 in Stockholm: still today
    event('after-midnight', '2026-11-30 23:15:00.000Z'), // 00:15 on 1 December in Stockholm
    event('off', '2026-11-30 10:00:00.000Z', 'cancelled'),
    event('yesterday', '2026-11-29 07:00:00.000Z'),
  ];
  it('at the front door: today’s published events (venue day), not cancelled, other days or tomorrow', () => {
    expect(eventsTakenAt({ kind: 'front' }, events, now, dayOf).map((e) => e.id)).toEqual(['today', 'tonight']);
  });
  it('at an event door: that event only', () => {
    expect(eventsTakenAt({ kind: 'event', event: 'after-midnight' }, events, now, dayOf).map((e) => e.id)).toEqual(['after-midnight']);
    expect(eventsTakenAt({ kind: 'event', event: 'nowhere' }, events, now, dayOf)).toEqual([]);
  });
});
