// Joining (issue #15, DESIGN "The space and its community"): an application needs no account;
// bad input is refused clearly and stores nothing; one address is limited while others are
// served; the honeypot stores nothing; a double submit stores one; guests cannot read or decide;
// accepting makes the company and the member and mails the invitation (whose link sets a
// password); declining mails a kind answer; deciding twice is refused.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postFrom } from '../helpers/loopback';
import { resetTokenIn, sendMailTo, startMailSink, type Mail, type MailSink } from '../helpers/mail-sink';
import { startTestServer, type TestServer } from '../helpers/server';
import { dayEnd, dayOf, dayStart, shiftDay, toStored } from '../../src/lib/time/venue-clock';

let server: TestServer;
let sink: MailSink;
let host: Awaited<ReturnType<TestServer['person']>>;
beforeAll(async () => {
  server = await startTestServer();
  sink = await startMailSink();
  await sendMailTo(server.admin, sink, 'https://coffice.test');
  host = await server.person('host', 'Hanna Värd');
});
afterAll(async () => {
  await server?.stop();
  await sink?.stop();
});

const PATH = '/api/collections/applications/records';
let address = 10;
/** a fresh loopback address, so each test has its own five tries */
const nextAddress = () => `127.0.0.${++address}`;
let n = 0;
const valid = (extra: Record<string, unknown> = {}) => ({
  company: `Byrå ${++n} AB`,
  contact_name: 'Sara Sökande',
  email: `sara-${n}-${Date.now()}@example.com`,
  phone: '070-123 45 67',
  trade: 'Marknadsföring',
  seat: 'flex',
  message: 'Vi vill sitta i öppna ytan.',
  locale: 'sv',
  ...extra,
});
const stored = async () => (await server.admin.collection('applications').getFullList()).length;

async function mailTo(address: string): Promise<Mail> {
  const next = sink.nextMailTo(address);
  let got: Mail | undefined;
  void next.then((m) => (got = m));
  await expect
    .poll(
      async () => {
        if (!got) await server.admin.crons.run('coffice-notices');
        return got;
      },
      { timeout: 15_000, interval: 200 },
    )
    .toBeDefined();
  return got!;
}

/**
 * A POST that announces a body of `bytes` bytes (a huge message) but sends only its first 64 KB
 * until the server answers: an answer proves the server refused it without reading it all.
 */
function postHuge(from: string, bytes: number): Promise<{ status: number; body: Record<string, unknown> }> {
  const payload = Buffer.from(JSON.stringify(valid({ message: 'x'.repeat(bytes) })));
  return new Promise((resolve, reject) => {
    const request = http.request(
      new URL(PATH, server.url),
      { method: 'POST', localAddress: from, headers: { 'Content-Type': 'application/json', 'Content-Length': payload.length } },
      (response) => {
        let text = '';
        response.on('data', (c) => (text += c));
        response.on('end', () => {
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(text || '{}') });
          request.destroy();
        });
      },
    );
    request.on('error', reject);
    request.write(payload.subarray(0, 64 * 1024));
  });
}

describe('applying', () => {
  it('works without an account: stored as new, a receipt to the applicant, a notice to the host', async () => {
    const body = valid({ status: undefined });
    const answer = await postFrom(nextAddress(), server.url, PATH, body);
    expect(answer.status).toBe(200);
    const record = await server.admin.collection('applications').getOne(answer.body.id as string);
    expect(record).toMatchObject({ company: body.company, email: body.email, seat: 'flex', status: 'new', decided_by: '' });

    const receipt = await mailTo(body.email as string);
    expect(receipt.subject).toBe('Vi har fått din ansökan till Coffice');
    expect(receipt.text).toContain('svarar inom 5 arbetsdagar');
    expect(receipt.headers['list-unsubscribe']).toBeUndefined();
    const toHost = await mailTo(host.user.email);
    expect(toHost.subject).toBe(`Ny ansökan: ${body.company}`);
    expect(toHost.text).toContain('https://coffice.test/host/applications');
  });

  it('refuses bad input with a clear 400 and stores nothing', async () => {
    const before = await stored();
    const from = nextAddress();
    const cases: [Record<string, unknown>, string, string][] = [
      [valid({ email: undefined }), 'email', 'application_email_missing'],
      [valid({ email: '  ' }), 'email', 'application_email_missing'],
      [valid({ email: 'not an address' }), 'email', 'application_email_invalid'],
      [valid({ seat: 'sofa' }), 'seat', 'application_seat_invalid'],
    ];
    for (const [body, field, code] of cases) {
      const answer = await postFrom(from, server.url, PATH, body);
      expect(answer.status, JSON.stringify(answer.body)).toBe(400);
      expect((answer.body.data as Record<string, { code: string }>)[field].code).toBe(code);
    }
    const more: [Record<string, unknown>, string, string][] = [
      [valid({ company: 42 }), 'company', 'application_field_type'],
      [valid({ message: ['a', 'b'] }), 'message', 'application_field_type'],
      [valid({ contact_name: '' }), 'contact_name', 'application_name_missing'],
      [valid({ message: 'y'.repeat(2001) }), 'message', 'application_too_long'],
    ];
    const from2 = nextAddress();
    for (const [body, field, code] of more) {
      const answer = await postFrom(from2, server.url, PATH, body);
      expect(answer.status, JSON.stringify(answer.body)).toBe(400);
      expect((answer.body.data as Record<string, { code: string }>)[field].code).toBe(code);
    }
    // a non-object body
    const list = await postFrom(nextAddress(), server.url, PATH, ['a']);
    expect(list.status).toBe(400);
    // status and decided_by are the server's
    const forged = await postFrom(nextAddress(), server.url, PATH, valid({ status: 'accepted' }));
    expect(forged.status).toBe(400);
    expect(await stored()).toBe(before);
  });

  it('refuses a 10 MB message before reading it', async () => {
    const before = await stored();
    const answer = await postHuge(nextAddress(), 10 * 1024 * 1024);
    expect(answer.status).toBe(400);
    expect((answer.body.data as Record<string, { code: string }>).message.code).toBe('application_too_long');
    expect(await stored()).toBe(before);
  });

  it('limits one address (429 after five) while other addresses are still served', async () => {
    const from = nextAddress();
    const answers = await Promise.all(Array.from({ length: 100 }, () => postFrom(from, server.url, PATH, valid())));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(95);
    const other = await postFrom(nextAddress(), server.url, PATH, valid());
    expect(other.status).toBe(200);
  });

  it('answers a filled honeypot like success and stores nothing', async () => {
    const before = await stored();
    const body = valid({ website: 'https://spam.example' });
    const answer = await postFrom(nextAddress(), server.url, PATH, body);
    expect(answer.status).toBe(200);
    expect(answer.body.id).toMatch(/^[a-z0-9]{15}$/);
    expect(await stored()).toBe(before);
    expect(await server.admin.collection('notices').getFullList({ filter: `email = "${body.email}"` })).toHaveLength(0);
  });

  it('stores a double submit once (same address and company within a minute, also at once)', async () => {
    const body = valid();
    const from = nextAddress();
    const answers = await Promise.all([postFrom(from, server.url, PATH, body), postFrom(from, server.url, PATH, body)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    const again = await postFrom(from, server.url, PATH, { ...body, company: (body.company as string).toUpperCase() });
    expect(again.status).toBe(200);
    expect(await server.admin.collection('applications').getFullList({ filter: `email = "${body.email}"` })).toHaveLength(1);
  });
});

describe('deciding', () => {
  async function apply(extra: Record<string, unknown> = {}) {
    const body = valid(extra);
    const answer = await postFrom(nextAddress(), server.url, PATH, body);
    expect(answer.status).toBe(200);
    return { id: answer.body.id as string, body };
  }
  const decide = (pb: ReturnType<TestServer['client']>, id: string, body: unknown) =>
    pb.send(`/api/coffice/applications/${id}/decide`, { method: 'POST', body });

  it('guests, members and anonymous people cannot list, read or decide', async () => {
    const { id } = await apply();
    const member = await server.person('member');
    for (const pb of [server.client(), (await server.person('guest')).pb, member.pb]) {
      expect(await pb.collection('applications').getFullList()).toEqual([]);
      await expect(pb.collection('applications').getOne(id)).rejects.toMatchObject({ status: 404 });
      await expect(decide(pb, id, { decision: 'accept' })).rejects.toMatchObject({ status: expect.any(Number) });
      // mails to applicants are not anyone's to read
      expect(await pb.collection('notices').getFullList({ filter: 'user = ""' })).toEqual([]);
    }
    expect((await server.admin.collection('applications').getOne(id)).status).toBe('new');
  });

  it('refuses a bad decision clearly', async () => {
    const { id } = await apply();
    await expect(decide(host.pb, id, { decision: 'maybe' })).rejects.toMatchObject({
      status: 400,
      response: { data: { decision: { code: 'application_decision_invalid' } } },
    });
    await expect(decide(host.pb, id, { decision: 'decline', note: 5 })).rejects.toMatchObject({ status: 400 });
    await expect(decide(host.pb, 'aaaaaaaaaaaaaaa', { decision: 'accept' })).rejects.toMatchObject({ status: 404 });
  });

  it('accepting makes the company and the member and mails the invitation, whose link sets a password', async () => {
    const { id, body } = await apply({ locale: 'en', seat: 'fixed' });
    const result = await decide(host.pb, id, { decision: 'accept' });
    expect(result).toMatchObject({ status: 'accepted', invited: true });
    const company = await server.admin.collection('companies').getOne(result.company);
    expect(company).toMatchObject({ name: body.company, seat: 'fixed', listed: false });
    const member = await server.admin.collection('users').getOne(result.member);
    expect(member).toMatchObject({ email: body.email, name: 'Sara Sökande', role: 'member', company: company.id, locale: 'en' });
    const application = await server.admin.collection('applications').getOne(id);
    expect(application).toMatchObject({ status: 'accepted', decided_by: host.user.id });
    expect(application.decided_at).not.toBe('');

    await mailTo(body.email as string); // the receipt
    const invitation = await mailTo(body.email as string);
    expect(invitation.subject).toBe('Welcome as a member of Coffice');
    const token = resetTokenIn(invitation);
    await server.client().collection('users').confirmPasswordReset(token, 'a-brand-new-password', 'a-brand-new-password');
    const signedIn = server.client();
    await signedIn.collection('users').authWithPassword(body.email as string, 'a-brand-new-password');
    expect(signedIn.authStore.record?.role).toBe('member');

    // deciding twice is refused and changes nothing
    await expect(decide(host.pb, id, { decision: 'decline' })).rejects.toMatchObject({
      status: 400,
      response: { data: { decision: { code: 'application_decided' } } },
    });
    expect((await server.admin.collection('applications').getOne(id)).status).toBe('accepted');
  });

  it('accepting someone who has a guest account makes it a member account (welcomed, not invited again)', async () => {
    const guest = await server.person('guest', 'Gustav Gäst');
    const { id } = await apply({ email: guest.user.email, contact_name: 'Gustav Gäst' });
    const result = await decide(host.pb, id, { decision: 'accept' });
    expect(result).toMatchObject({ status: 'accepted', invited: false, member: guest.user.id });
    expect(await server.admin.collection('users').getOne(guest.user.id)).toMatchObject({ role: 'member', company: result.company });
    const notices = await server.admin.collection('notices').getFullList({ filter: `user = "${guest.user.id}"` });
    expect(notices.map((n) => n.kind)).toEqual(['welcome']);
  });

  it('accepting a second applicant of the same company reuses it', async () => {
    const first = await apply({ company: 'Samma Firma AB' });
    const second = await apply({ company: 'samma firma ab ' });
    const a = await decide(host.pb, first.id, { decision: 'accept' });
    const b = await decide(host.pb, second.id, { decision: 'accept' });
    expect(b.company).toBe(a.company);
  });

  it('declining mails a kind answer with the host’s note, and makes nobody', async () => {
    const { id, body } = await apply();
    const users = (await server.admin.collection('users').getFullList()).length;
    const result = await decide(host.pb, id, { decision: 'decline', note: 'Hör av er igen till hösten!' });
    expect(result).toMatchObject({ status: 'declined', member: '', company: '' });
    await mailTo(body.email as string); // the receipt
    const answer = await mailTo(body.email as string);
    expect(answer.subject).toBe('Svar på din ansökan till Coffice');
    expect(answer.text).toContain('Hör av er igen till hösten!');
    expect((await server.admin.collection('users').getFullList()).length).toBe(users);
    await expect(decide(host.pb, id, { decision: 'accept' })).rejects.toMatchObject({ status: 400 });
  });
});

describe('what /join shows', () => {
  it('free fixed places, flexible places left today, the trades sought and only listed companies', async () => {
    await server.admin
      .collection('venue')
      .update('venuesettings01', { sought_trades: 'Marknadsföring\n PR \n\nDigitala tjänster', fixed_places_free: 5 });
    const area = await server.admin.collection('spaces').create({ name: 'Öppna ytan', kind: 'open_area', capacity: 10, bookable: true });
    const today = dayOf(Date.now());
    const member = await server.person('member');
    // today's desk day counts, tomorrow's does not (until the desks land, a room takes one booking at a time)
    for (const day of [today, shiftDay(today, 1)]) {
      await server.admin
        .collection('bookings')
        .create({ space: area.id, user: member.user.id, starts: toStored(dayStart(day)), ends: toStored(dayEnd(day)), title: 'Skrivbord' });
    }
    await server.admin.collection('companies').create({ name: 'Listad AB', seat: 'fixed', listed: true });
    await server.admin.collection('companies').create({ name: 'Olistad AB', seat: 'flex', listed: false });
    // seen the same by a member (who may read every company): /join is public
    for (const pb of [server.client(), member.pb]) {
      const facts = await pb.send('/api/coffice/join', { method: 'GET' });
      expect(facts).toMatchObject({
        fixedFree: 5,
        flexCapacity: 10,
        flexFree: 9,
        soughtTrades: ['Marknadsföring', 'PR', 'Digitala tjänster'],
        answerDays: 5,
      });
      expect(facts.companies.map((c: { name: string }) => c.name)).toEqual(['Listad AB']);
    }
  });
});
