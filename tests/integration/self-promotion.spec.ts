// Nobody gives themselves a role, whatever door they try: the records API (JSON, form
// data, field modifiers), the batch API (update, create, upsert), sign-up by password or
// by one-time code, and the data-rights routes. Only a host can.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientResponseError } from 'pocketbase';
import { PASSWORD, startTestServer, type TestServer } from '../helpers/server';
import { codeIn, sendMailTo, startMailSink, type MailSink } from '../helpers/mail-sink';
import type { TypedPocketBase, UserRecord } from '../../src/lib/pocketbase/types';

let server: TestServer;
let sink: MailSink;

beforeAll(async () => {
  server = await startTestServer();
  sink = await startMailSink();
  await sendMailTo(server.admin, sink, server.url);
});
afterAll(async () => {
  await server?.stop();
  await sink?.stop();
});

async function refused(request: Promise<unknown>): Promise<number> {
  try {
    await request;
  } catch (error) {
    if (error instanceof ClientResponseError) return error.status;
    throw error;
  }
  throw new Error('expected the server to refuse, but it accepted');
}

/** The role the server holds for this person, and how many valid member passes they have. */
async function standing(userId: string) {
  const user = await server.admin.collection('users').getOne(userId);
  const passes = await server.admin
    .collection('passes')
    .getFullList({ filter: `holder = "${userId}" && kind = "member" && revoked = false` });
  return { role: user.role, memberPasses: passes.length };
}

const attempts: [string, (pb: TypedPocketBase, user: UserRecord) => Promise<unknown>][] = [
  ['records API, JSON', (pb, user) => pb.collection('users').update(user.id, { role: 'host' })],
  [
    'records API, form data',
    (pb, user) => {
      const form = new FormData();
      form.append('role', 'host');
      form.append('name', 'Form Data');
      return pb.collection('users').update(user.id, form);
    },
  ],
  ['records API, field modifier role+', (pb, user) => pb.collection('users').update(user.id, { 'role+': 'host' })],
  [
    'batch API, update',
    (pb, user) => {
      const batch = pb.createBatch();
      batch.collection('users').update(user.id, { role: 'host' });
      return batch.send();
    },
  ],
  [
    'batch API, upsert of oneself',
    (pb, user) => {
      const batch = pb.createBatch();
      batch.collection('users').upsert({ id: user.id, role: 'host' });
      return batch.send();
    },
  ],
];

describe('self-promotion is refused', () => {
  for (const role of ['guest', 'member'] as const) {
    it.each(attempts)(`a ${role}: %s`, async (_path, attempt) => {
      const { pb, user } = await server.person(role);
      const before = await standing(user.id);
      expect(await refused(attempt(pb, user))).toBeGreaterThanOrEqual(400);
      expect(await standing(user.id)).toEqual(before);
    });
  }

  it('a member cannot give another person a role either', async () => {
    const { pb } = await server.person('member');
    const { user: other } = await server.person('guest');
    expect(await refused(pb.collection('users').update(other.id, { role: 'member' }))).toBe(404);
    const batch = pb.createBatch();
    batch.collection('users').update(other.id, { role: 'member' });
    expect(await refused(batch.send())).toBeGreaterThanOrEqual(400);
    expect(await standing(other.id)).toEqual({ role: 'guest', memberPasses: 0 });
  });

  it('sign-up with a role, alone or in a batch, is refused and stores nothing', async () => {
    const anonymous = server.client();
    const email = `climber-${Date.now()}@coffice.test`;
    const body = { email, password: PASSWORD, passwordConfirm: PASSWORD, role: 'member' };
    expect(await refused(anonymous.collection('users').create(body))).toBe(400);
    const batch = anonymous.createBatch();
    batch.collection('users').create({ ...body, role: 'host' });
    expect(await refused(batch.send())).toBeGreaterThanOrEqual(400);
    expect(await server.admin.collection('users').getFullList({ filter: `email = "${email}"` })).toHaveLength(0);
  });

  it('sign-up by one-time code ignores a role in the request', async () => {
    const email = `code-climber-${Date.now()}@coffice.test`;
    const anonymous = server.client();
    const { otpId } = await anonymous.send<{ otpId: string }>('/api/collections/users/request-otp', {
      method: 'POST',
      body: { email, role: 'host', company: 'x' },
    });
    const auth = await anonymous.collection('users').authWithOTP(otpId, codeIn(await sink.nextMailTo(email)));
    expect(await standing(auth.record.id)).toEqual({ role: 'guest', memberPasses: 0 });
    expect(auth.record.company).toBe('');
  });

  it('the data-rights routes take no role', async () => {
    const { pb, user } = await server.person('guest');
    await pb.send('/api/coffice/me/export', { method: 'GET', query: { role: 'host' } });
    expect(await refused(pb.send('/api/coffice/me/delete', { method: 'POST', body: { role: 'host' } }))).toBe(400);
    expect(await refused(pb.send('/api/coffice/me/delete', { method: 'POST', body: { confirm: 'x', role: 'host' } }))).toBe(400);
    expect(await standing(user.id)).toEqual({ role: 'guest', memberPasses: 0 });
  });

  it('a host can: the role changes and the member pass follows', async () => {
    const { pb: host } = await server.person('host');
    const { user } = await server.person('guest');
    await host.collection('users').update(user.id, { role: 'member' });
    expect(await standing(user.id)).toEqual({ role: 'member', memberPasses: 1 });
  });
});
