import { describe, expect, it } from 'vitest';
import { openName, sha256Hex } from './door-list';

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
