// Signing up and in as a person does it: password rules, a one-time code read from a real
// mail sink, sign-up by code, limited tries, and a forgotten password reset through the mail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientResponseError } from 'pocketbase';
import { PASSWORD, startTestServer, type TestServer } from '../helpers/server';
import { codeIn, resetTokenIn, sendMailTo, startMailSink, type MailSink } from '../helpers/mail-sink';

let server: TestServer;
let sink: MailSink;
let counter = 0;

beforeAll(async () => {
  server = await startTestServer();
  sink = await startMailSink();
  await sendMailTo(server.admin, sink, server.url);
});
afterAll(async () => {
  await server?.stop();
  await sink?.stop();
});

const newEmail = (label: string) => `${label}-${++counter}-${Date.now()}@coffice.test`;

/** The refusal a request met: status, message and the code of each field error. */
async function refusal(request: Promise<unknown>) {
  try {
    await request;
  } catch (error) {
    if (error instanceof ClientResponseError) {
      const data = (error.response?.data ?? {}) as Record<string, { code: string }>;
      const codes = Object.fromEntries(Object.entries(data).map(([field, e]) => [field, e.code]));
      return { status: error.status, message: error.message, codes };
    }
    throw error;
  }
  throw new Error('expected the server to refuse, but it accepted');
}

const usersWithEmail = (email: string) =>
  server.admin.collection('users').getFullList({ filter: server.admin.filter('email = {:email}', { email }) });

describe('sign-up', () => {
  it('refuses a malformed email, a short password and a common one, and stores nothing', async () => {
    const anonymous = server.client();
    const cases = [
      { email: 'not-an-email', password: PASSWORD, field: 'email' },
      { email: newEmail('short'), password: 'kort123', field: 'password', code: 'password_too_short' },
      { email: newEmail('common'), password: 'Lösenord123', field: 'password', code: 'password_too_common' },
      { email: newEmail('same'), password: 'aaaaaaaaaaaa', field: 'password', code: 'password_too_common' },
    ];
    for (const c of cases) {
      const refused = await refusal(
        anonymous.collection('users').create({ email: c.email, password: c.password, passwordConfirm: c.password }),
      );
      expect(refused.status, c.email).toBe(400);
      expect(Object.keys(refused.codes), c.email).toContain(c.field);
      if (c.code) expect(refused.codes[c.field]).toBe(c.code);
      expect(await usersWithEmail(c.email)).toHaveLength(0);
    }
  });

  it('a good password signs up a guest who can sign in', async () => {
    const email = newEmail('newcomer');
    const anonymous = server.client();
    await anonymous.collection('users').create({ email, password: PASSWORD, passwordConfirm: PASSWORD, name: 'Ny Person' });
    const auth = await anonymous.collection('users').authWithPassword(email, PASSWORD);
    expect(auth.record).toMatchObject({ role: 'guest', name: 'Ny Person', show_presence: false });
  });
});

describe('one-time code by email', () => {
  it('signs a known person in with the code from the mail', async () => {
    const { user } = await server.person('member', 'Kod Användare');
    const anonymous = server.client();
    const { otpId } = await anonymous.collection('users').requestOTP(user.email);
    const mail = await sink.nextMailTo(user.email);
    expect(mail.subject).toMatch(/Din kod till Coffice/);
    const auth = await anonymous.collection('users').authWithOTP(otpId, codeIn(mail));
    expect(auth.record.id).toBe(user.id);
    expect(anonymous.authStore.isValid).toBe(true);
  });

  it('an unknown address is signed up as a guest on the spot, in the language asked for', async () => {
    const email = newEmail('walk-in');
    const anonymous = server.client();
    const { otpId } = await anonymous.send<{ otpId: string }>('/api/collections/users/request-otp', {
      method: 'POST',
      body: { email, locale: 'en', role: 'host' },
    });
    const mail = await sink.nextMailTo(email);
    expect(mail.subject).toMatch(/Your Coffice code/);
    const auth = await anonymous.collection('users').authWithOTP(otpId, codeIn(mail));
    expect(auth.record).toMatchObject({ email, role: 'guest', locale: 'en' });
  });

  it('a wrong code is refused, and after five wrong tries even the right one waits', async () => {
    const { user } = await server.person('guest');
    const anonymous = server.client();
    const { otpId } = await anonymous.collection('users').requestOTP(user.email);
    const code = codeIn(await sink.nextMailTo(user.email));
    const wrong = code === '000000' ? '111111' : '000000';
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await refusal(anonymous.collection('users').authWithOTP(otpId, wrong))).status);
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses[5]).toBe(429);
    expect((await refusal(anonymous.collection('users').authWithOTP(otpId, code))).status).toBe(429);
    expect(anonymous.authStore.isValid).toBe(false);
  });

  it('a code from another request, or a made-up request id, is refused', async () => {
    const { user } = await server.person('guest');
    const anonymous = server.client();
    const first = await anonymous.collection('users').requestOTP(user.email);
    const firstCode = codeIn(await sink.nextMailTo(user.email));
    expect((await refusal(anonymous.collection('users').authWithOTP('abcdefghijklmno', firstCode))).status).toBe(400);
    const second = await anonymous.collection('users').requestOTP(user.email);
    const secondCode = codeIn(await sink.nextMailTo(user.email));
    if (secondCode !== firstCode) {
      expect((await refusal(anonymous.collection('users').authWithOTP(second.otpId, firstCode))).status).toBe(400);
    }
    await anonymous.collection('users').authWithOTP(first.otpId, firstCode);
    expect(anonymous.authStore.record?.id).toBe(user.id);
  });

  it('a malformed address is refused before any mail', async () => {
    const refused = await refusal(server.client().collection('users').requestOTP('nobody-at-all'));
    expect(refused.status).toBe(400);
    expect(refused.codes.email).toBeTruthy();
  });
});

describe('forgotten password', () => {
  it('the mailed link resets the password; a common new password is refused', async () => {
    const { user } = await server.person('member');
    const anonymous = server.client();
    await anonymous.collection('users').requestPasswordReset(user.email);
    const mail = await sink.nextMailTo(user.email);
    expect(mail.text).toContain(`${server.url}/me/reset?token=`);
    const token = resetTokenIn(mail);

    const common = await refusal(anonymous.collection('users').confirmPasswordReset(token, 'password123', 'password123'));
    expect(common.codes.password).toBe('password_too_common');

    const fresh = 'a-brand-new-password-2026';
    await anonymous.collection('users').confirmPasswordReset(token, fresh, fresh);
    expect((await refusal(anonymous.collection('users').authWithPassword(user.email, PASSWORD))).status).toBe(400);
    await anonymous.collection('users').authWithPassword(user.email, fresh);
    expect(anonymous.authStore.record?.id).toBe(user.id);
  });

  it("changing one's own password follows the same rules", async () => {
    const { pb, user } = await server.person('guest');
    const refused = await refusal(
      pb.collection('users').update(user.id, { oldPassword: PASSWORD, password: 'qwerty1234', passwordConfirm: 'qwerty1234' }),
    );
    expect(refused.codes.password).toBe('password_too_common');
  });
});
