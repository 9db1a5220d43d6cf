// A name is required of anyone who registers: passes and door verdicts show it. The server
// refuses a person's own update that clears it, with a field code the app words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientResponseError } from 'pocketbase';
import { startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

async function fieldCodes(request: Promise<unknown>) {
  try {
    await request;
  } catch (error) {
    if (error instanceof ClientResponseError) {
      const data = (error.response?.data ?? {}) as Record<string, { code: string }>;
      return { status: error.status, codes: Object.fromEntries(Object.entries(data).map(([f, e]) => [f, e.code])) };
    }
    throw error;
  }
  throw new Error('expected the server to refuse, but it accepted');
}

describe('the name on a profile', () => {
  it.each(['', '   ', '\t\n'])('a person cannot clear their own name (%j)', async (blank) => {
    const { pb, user } = await server.person('guest', 'Tove Namnsson');
    expect(await fieldCodes(pb.collection('users').update(user.id, { name: blank }))).toEqual({
      status: 400,
      codes: { name: 'name_required' },
    });
    expect((await server.admin.collection('users').getOne(user.id)).name).toBe('Tove Namnsson');
  });

  it('a new name, or other fields without one, are saved', async () => {
    const { pb, user } = await server.person('member', 'Ola Förr');
    await pb.collection('users').update(user.id, { name: '  Ola Nu ' });
    await pb.collection('users').update(user.id, { locale: 'en' });
    expect(await server.admin.collection('users').getOne(user.id)).toMatchObject({ name: 'Ola Nu', locale: 'en' });
  });

  it('someone signed up without a name may give one, and still change other fields first', async () => {
    const { pb, user } = await server.person('guest', '');
    await pb.collection('users').update(user.id, { locale: 'en' });
    await pb.collection('users').update(user.id, { name: 'Nykomling Nu' });
    expect((await server.admin.collection('users').getOne(user.id)).name).toBe('Nykomling Nu');
  });

  it('a host cannot clear a name either', async () => {
    const { pb: host } = await server.person('host');
    const { user } = await server.person('guest', 'Kvar Namn');
    expect((await fieldCodes(host.collection('users').update(user.id, { name: ' ' }))).codes).toEqual({ name: 'name_required' });
  });
});
