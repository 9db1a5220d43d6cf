// Web push message encryption (RFC 8291, aes128gcm of RFC 8188) and the VAPID token (RFC 8292),
// in pure JS so PocketBase's goja (no Web Crypto) can run it: bundled into
// pb_hooks/lib/vendor/web-push.js by scripts/build-vendor.mjs. Nothing here draws random bytes
// itself: the caller passes them (PocketBase: $security, the tests: node:crypto), so the code
// needs no crypto.getRandomValues and stays deterministic for a given input.
import { p256 } from '@noble/curves/nist.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { gcm } from '@noble/ciphers/aes.js';
import { base64urlDecode, base64urlEncode } from './base64url';

export { base64urlDecode, base64urlEncode };

/** UTF-8 without TextEncoder (goja has none). */
export function utf8(text: string): Uint8Array {
  const out: number[] = [];
  for (const char of String(text)) {
    const code = char.codePointAt(0) as number;
    if (code < 0x80) out.push(code);
    else if (code < 0x800) out.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) out.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else out.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return new Uint8Array(out);
}

export function hexToBytes(hex: string): Uint8Array {
  if (!/^(?:[0-9a-f]{2})*$/i.test(hex)) throw new Error('not hex');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Whether 32 bytes are a P-256 secret key (1 ≤ n < the curve order). */
export function isValidSecretKey(secret: Uint8Array): boolean {
  return p256.utils.isValidSecretKey(secret);
}

/** A VAPID key pair from 32 random bytes; both halves base64url (public: the uncompressed point). */
export function vapidKeysFromSecret(secret: Uint8Array): { publicKey: string; privateKey: string } {
  if (!p256.utils.isValidSecretKey(secret)) throw new Error('not a valid P-256 secret key');
  return { publicKey: base64urlEncode(p256.getPublicKey(secret, false)), privateKey: base64urlEncode(secret) };
}

export const RECORD_SIZE = 4096;

/**
 * The body of a push message (RFC 8291 §4, one aes128gcm record):
 * header salt(16) | rs(4) | idlen(1)=65 | the server's ephemeral public key(65), then the
 * ciphertext of plaintext | 0x02 | zero padding (none here) with its 16-byte tag.
 */
export function encryptPushPayload(input: {
  plaintext: Uint8Array;
  /** the subscription's keys, base64url as the browser gives them */
  p256dh: string;
  auth: string;
  /** 32 random bytes for the ephemeral ECDH key, 16 for the salt */
  ephemeralSecret: Uint8Array;
  salt: Uint8Array;
}): Uint8Array {
  const uaPublic = base64urlDecode(input.p256dh);
  const authSecret = base64urlDecode(input.auth);
  if (uaPublic.length !== 65 || uaPublic[0] !== 4) throw new Error('p256dh is not an uncompressed P-256 point');
  if (authSecret.length !== 16) throw new Error('auth is not 16 bytes');
  if (input.salt.length !== 16) throw new Error('salt is not 16 bytes');
  // the record must fit: plaintext + delimiter + tag within rs
  if (input.plaintext.length + 1 + 16 > RECORD_SIZE) throw new Error('payload too large for one record');
  const asPublic = p256.getPublicKey(input.ephemeralSecret, false);
  const ecdhSecret = p256.getSharedSecret(input.ephemeralSecret, uaPublic, true).slice(1);
  const keyInfo = concat(utf8('WebPush: info'), new Uint8Array([0]), uaPublic, asPublic);
  const ikm = hkdf(sha256, ecdhSecret, authSecret, keyInfo, 32);
  const cek = hkdf(sha256, ikm, input.salt, concat(utf8('Content-Encoding: aes128gcm'), new Uint8Array([0])), 16);
  const nonce = hkdf(sha256, ikm, input.salt, concat(utf8('Content-Encoding: nonce'), new Uint8Array([0])), 12);
  const sealed = gcm(cek, nonce).encrypt(concat(input.plaintext, new Uint8Array([2])));
  const header = new Uint8Array(16 + 4 + 1 + 65);
  header.set(input.salt, 0);
  header[16] = (RECORD_SIZE >>> 24) & 255;
  header[17] = (RECORD_SIZE >>> 16) & 255;
  header[18] = (RECORD_SIZE >>> 8) & 255;
  header[19] = RECORD_SIZE & 255;
  header[20] = 65;
  header.set(asPublic, 21);
  return concat(header, sealed);
}

/** `vapid t=<JWT>, k=<public key>` (RFC 8292 §3) for one push service origin. */
export function vapidAuthorization(input: {
  /** the push service's origin, e.g. https://fcm.googleapis.com */
  audience: string;
  subject: string;
  /** seconds since the epoch; at most 24 h ahead */
  expires: number;
  privateKey: string;
  publicKey: string;
  /** 32 random bytes to hedge the signature's nonce (RFC 6979 + extra entropy) */
  entropy: Uint8Array;
}): string {
  const header = base64urlEncode(utf8(JSON.stringify({ typ: 'JWT', alg: 'ES256' })));
  const claims = base64urlEncode(utf8(JSON.stringify({ aud: input.audience, exp: input.expires, sub: input.subject })));
  const signingInput = header + '.' + claims;
  const signature = p256.sign(utf8(signingInput), base64urlDecode(input.privateKey), {
    prehash: true,
    format: 'compact',
    extraEntropy: input.entropy,
  });
  return 'vapid t=' + signingInput + '.' + base64urlEncode(signature) + ', k=' + input.publicKey;
}
