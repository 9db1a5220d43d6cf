import { afterEach, describe, expect, it } from 'vitest';
import { pb, signedInUser } from './client';

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const EXP = Math.floor(Date.now() / 1000) + 3600; // one expiry for the file: a token must read the same twice
const token = (name: string) => `${base64url({ alg: 'HS256' })}.${base64url({ exp: EXP, type: 'auth', name })}.sig`;
const user = { id: 'u1', collectionId: '_pb_users_auth_', collectionName: 'users', name: 'Gustav' };

/** What the SDK's fetch sees: a 200 for an auth refresh, with the given body. */
const answer = (json: () => Promise<unknown>, status = 200) =>
  (async () => ({
    ok: status < 300,
    status,
    url: 'http://127.0.0.1:8090/api/collections/users/auth-refresh?expand=company',
    json,
  })) as unknown as typeof fetch;

describe('the client keeps the session when an auth answer is cut off', () => {
  afterEach(() => pb.authStore.clear());

  it('a 200 whose body cannot be read is a failed request, and the person stays signed in', async () => {
    pb.authStore.save(token('before'), user);
    const cutOff = answer(() => Promise.reject(new TypeError('network error')));
    await expect(pb.collection('users').authRefresh({ fetch: cutOff })).rejects.toMatchObject({ status: 0 });
    expect(pb.authStore.token).toBe(token('before'));
    expect(signedInUser()?.id).toBe('u1');
  });

  it('a whole answer still renews the session', async () => {
    pb.authStore.save(token('before'), user);
    const whole = answer(async () => ({ token: token('after'), record: user }));
    await pb.collection('users').authRefresh({ fetch: whole });
    expect(pb.authStore.token).toBe(token('after'));
  });

  it('a refusal is still a refusal', async () => {
    pb.authStore.save(token('before'), user);
    const refused = answer(async () => ({ status: 401, message: 'The request requires valid record authorization token.', data: {} }), 401);
    await expect(pb.collection('users').authRefresh({ fetch: refused })).rejects.toMatchObject({ status: 401 });
  });
});
