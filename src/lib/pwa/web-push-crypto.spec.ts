// The pure-JS web push crypto that PocketBase runs (bundled for goja) against Node's own
// OpenSSL: base64url, UTF-8, the VAPID signature and RFC 8291 decryption.
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64urlDecode, base64urlEncode, encryptPushPayload, utf8, vapidAuthorization, vapidKeysFromSecret } from './web-push-crypto';

describe('byte helpers', () => {
  it('base64url and UTF-8 agree with Node for every length and for non-ASCII text', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = crypto.randomBytes(n);
      expect(base64urlEncode(bytes)).toBe(bytes.toString('base64url'));
      expect(Buffer.from(base64urlDecode(bytes.toString('base64url')))).toEqual(bytes);
      expect(Buffer.from(base64urlDecode(bytes.toString('base64')))).toEqual(bytes);
    }
    const text = 'Frukostmöte – åäö € 😀';
    expect(Buffer.from(utf8(text))).toEqual(Buffer.from(text, 'utf8'));
    expect(() => base64urlDecode('not base64!')).toThrow();
  });
});

describe('web push crypto', () => {
  const keys = vapidKeysFromSecret(crypto.randomBytes(32));

  it('signs a VAPID token Node verifies with the public key', () => {
    const header = vapidAuthorization({
      audience: 'https://push.example.net',
      subject: 'mailto:hej@coffice.test',
      expires: 1_900_000_000,
      privateKey: keys.privateKey,
      publicKey: keys.publicKey,
      entropy: crypto.randomBytes(32),
    });
    const [, token, k] = /^vapid t=(\S+), k=(\S+)$/.exec(header) as RegExpExecArray;
    expect(k).toBe(keys.publicKey);
    const [h, c, s] = token.split('.');
    const point = Buffer.from(keys.publicKey, 'base64url');
    const key = crypto.createPublicKey({
      key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') },
      format: 'jwk',
    });
    expect(crypto.verify('sha256', Buffer.from(`${h}.${c}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(s, 'base64url'))).toBe(true);
    expect(JSON.parse(Buffer.from(c, 'base64url').toString())).toEqual({
      aud: 'https://push.example.net',
      exp: 1_900_000_000,
      sub: 'mailto:hej@coffice.test',
    });
  });

  it('encrypts one aes128gcm record that Node decrypts with the subscription’s keys', () => {
    const ecdh = crypto.createECDH('prime256v1');
    ecdh.generateKeys();
    const auth = crypto.randomBytes(16);
    const salt = crypto.randomBytes(16);
    const message = JSON.stringify({ title: 'Frukostmöte', body: 'Du har fått en plats.' });
    const body = Buffer.from(
      encryptPushPayload({
        plaintext: utf8(message),
        p256dh: ecdh.getPublicKey().toString('base64url'),
        auth: auth.toString('base64url'),
        ephemeralSecret: crypto.randomBytes(32),
        salt,
      }),
    );
    expect(body.subarray(0, 16)).toEqual(salt);
    expect(body.readUInt32BE(16)).toBe(4096);
    const serverKey = body.subarray(21, 86);
    const ikm = crypto.hkdfSync(
      'sha256',
      ecdh.computeSecret(serverKey),
      auth,
      Buffer.concat([Buffer.from('WebPush: info\0'), ecdh.getPublicKey(), serverKey]),
      32,
    );
    const cek = Buffer.from(crypto.hkdfSync('sha256', Buffer.from(ikm), salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
    const nonce = Buffer.from(crypto.hkdfSync('sha256', Buffer.from(ikm), salt, Buffer.from('Content-Encoding: nonce\0'), 12));
    const sealed = body.subarray(86);
    const decipher = crypto.createDecipheriv('aes-128-gcm', cek, nonce);
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    const plain = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
    expect(plain.toString('utf8')).toBe(`${message}\u0002`);
  });

  it('refuses keys no browser gives and a message larger than one record', () => {
    const base = {
      plaintext: utf8('x'),
      auth: crypto.randomBytes(16).toString('base64url'),
      ephemeralSecret: crypto.randomBytes(32),
      salt: crypto.randomBytes(16),
    };
    expect(() => encryptPushPayload({ ...base, p256dh: crypto.randomBytes(65).toString('base64url') })).toThrow();
    const ecdh = crypto.createECDH('prime256v1');
    ecdh.generateKeys();
    const p256dh = ecdh.getPublicKey().toString('base64url');
    expect(() => encryptPushPayload({ ...base, p256dh, auth: 'c2hvcnQ' })).toThrow(/auth/);
    expect(() => encryptPushPayload({ ...base, p256dh, plaintext: new Uint8Array(4096) })).toThrow(/too large/);
    expect(() => vapidKeysFromSecret(new Uint8Array(32))).toThrow();
  });
});
