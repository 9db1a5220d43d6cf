// Guessing is stopped; a full room behind one NAT address is not locked out.
import { afterEach, describe, expect, it } from 'vitest';
import { ClientResponseError } from 'pocketbase';
import { PASSWORD, startTestServer, type TestServer } from '../helpers/server';

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

describe('sign-in rate limits', () => {
  it('rapid failed sign-ins for one account end in 429, even with the right password after', async () => {
    server = await startTestServer();
    const [email] = await guests(server, 1);
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push(await signIn(server, email, 'wrong-password'));
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    expect(await signIn(server, email, PASSWORD)).toBe(429);
  });

  it('rapid failed sign-ins across many accounts from one client end in 429', async () => {
    server = await startTestServer();
    const statuses = [];
    for (let i = 0; i < 35; i++) statuses.push(await signIn(server, `nobody-${i}@coffice.test`, 'guess'));
    const first429 = statuses.indexOf(429);
    expect(first429).toBeGreaterThan(0);
    expect(first429).toBeLessThanOrEqual(30);
    expect(statuses.slice(first429).every((s) => s === 429)).toBe(true);
  });

  it('forty guests behind one address all sign in within a minute', async () => {
    server = await startTestServer();
    const emails = await guests(server, 40);
    const statuses = await Promise.all(emails.map((email) => signIn(server!, email, PASSWORD)));
    expect(statuses.filter((s) => s === 200)).toHaveLength(40);
  });
});
