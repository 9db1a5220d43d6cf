// Guessing is stopped; a full room behind one NAT address is not locked out, and nobody can
// lock anyone else out of their account (docs/DECISIONS.md, Rate limits).
import { afterEach, describe, expect, it } from 'vitest';
import { ClientResponseError } from 'pocketbase';
import { OPERATOR, PASSWORD, startTestServer, type TestServer } from '../helpers/server';
import { postFrom } from '../helpers/loopback';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** Status of one password sign-in from this test's (single) address. */
async function signIn(s: TestServer, email: string, password: string): Promise<number> {
  try {
    await s.client().collection('users').authWithPassword(email, password);
    return 200;
  } catch (error) {
    return (error as ClientResponseError).status;
  }
}

async function guests(s: TestServer, count: number): Promise<string[]> {
  const emails = Array.from({ length: count }, (_, i) => `room-${i}@coffice.test`);
  for (let i = 0; i < emails.length; i += 10) {
    const batch = s.admin.createBatch();
    for (const email of emails.slice(i, i + 10)) {
      batch.collection('users').create({ email, password: PASSWORD, passwordConfirm: PASSWORD, name: email });
    }
    await batch.send();
  }
  return emails;
}

/** Status of one password sign-in sent from `address`. */
async function signInFrom(s: TestServer, address: string, email: string, password: string, collection = 'users') {
  return (await postFrom(address, s.url, `/api/collections/${collection}/auth-with-password`, { identity: email, password })).status;
}

describe('sign-in rate limits', () => {
  it('five failures for one account from one address stop that address, the right password included', async () => {
    server = await startTestServer();
    const [email] = await guests(server, 1);
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push(await signIn(server, email, 'wrong-password'));
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    expect(await signIn(server, email, PASSWORD)).toBe(429);
  });

  it('an attacker failing fifty times does not stop the real person signing in from elsewhere', async () => {
    server = await startTestServer();
    const [email] = await guests(server, 1);
    const attacker = [];
    for (let i = 0; i < 50; i++) attacker.push(await signInFrom(server, '127.0.0.5', email, `guess-number-${i}`));
    expect(attacker.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(attacker.slice(5).filter((s) => s !== 429)).toEqual([]);
    expect(await signInFrom(server, '127.0.0.9', email, PASSWORD)).toBe(200);
  });

  it('guessing spread over twenty addresses is still bounded per account', async () => {
    server = await startTestServer();
    const [email] = await guests(server, 1);
    const statuses = [];
    for (let round = 0; round < 10; round++) {
      for (let i = 1; i <= 20; i++) statuses.push(await signInFrom(server, `127.0.1.${i}`, email, `guess-${round}-${i}`));
    }
    // ten failures from any addresses, then one more from each address that had not yet failed:
    // the first round is weighed, every later try is refused
    const weighed = statuses.filter((s) => s === 400).length;
    expect(weighed).toBe(20);
    expect(statuses.slice(weighed).filter((s) => s !== 429)).toEqual([]);
    expect(statuses.filter((s) => s !== 400 && s !== 429)).toEqual([]);
    // even now the right password from an address that has not failed signs in
    expect(await signInFrom(server, '127.0.0.9', email, PASSWORD)).toBe(200);
  });

  it('thirty failures across accounts from one address end its retries, not the room behind it', async () => {
    server = await startTestServer();
    const [guest] = await guests(server, 1);
    const statuses = [];
    for (let i = 0; i < 30; i++) statuses.push(await signIn(server, `nobody-${i}@coffice.test`, 'guess'));
    expect(statuses.filter((s) => s !== 400)).toEqual([]);
    // a second try at an account that failed from here is refused now…
    expect(await signIn(server, 'nobody-0@coffice.test', 'another-guess')).toBe(429);
    // …while someone else in the room still signs in
    expect(await signIn(server, guest, PASSWORD)).toBe(200);
  });

  it('nobody locks the operator out of their own sign-in', async () => {
    server = await startTestServer();
    const attacker = [];
    for (let i = 0; i < 20; i++) attacker.push(await signInFrom(server, '127.0.0.5', OPERATOR.email, `guess-${i}`, '_superusers'));
    expect(attacker.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(attacker.slice(5).filter((s) => s !== 429)).toEqual([]);
    expect(await signInFrom(server, '127.0.0.9', OPERATOR.email, OPERATOR.password, '_superusers')).toBe(200);
  });

  it('forty guests behind one address all sign in within a minute', async () => {
    server = await startTestServer();
    const emails = await guests(server, 40);
    const statuses = await Promise.all(emails.map((email) => signIn(server!, email, PASSWORD)));
    expect(statuses.filter((s) => s === 200)).toHaveLength(40);
  });
});
