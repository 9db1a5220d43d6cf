// Members' self check-in is for people at the venue: the printed poster's QR alone (a photo of
// it taken once) no longer checks anyone in from home. It takes the door code of the day as
// well, which the door screen at the entrance shows and which changes with the venue day;
// and one member may try at most 10 times in 10 minutes.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CheckinRecord, TypedPocketBase } from '../../src/lib/pocketbase/types';
import { dayOf, shiftDay } from '../../src/lib/time/venue-clock';
import { startTestServer, type TestServer } from '../helpers/server';
import { awayFromMidnight, call, member } from './door-fixtures';

let server: TestServer;
let host: TypedPocketBase;
beforeAll(async () => {
  server = await startTestServer();
  host = (await server.person('host', 'Maja Lindqvist')).pb;
});
afterAll(() => server?.stop());
// the day code follows the venue's day: no test's requests straddle its midnight
beforeEach(() => awayFromMidnight());

type Poster = { code: string; url: string; day: string; day_code: string; day_url: string };
const poster = async () => (await call<Poster>(host, '/api/coffice/door-poster', 'GET')).body;
const selfCheckin = (pb: TypedPocketBase, body: Record<string, unknown>) => call(pb, '/api/coffice/self-checkin', 'POST', body);

/** The door code of a venue day as docs/DOOR.md derives it (the secret never leaves the server). */
const dayCode = (secret: string, posterCode: string, day: string) => {
  const hex = createHmac('sha256', secret).update(`coffice-door-day:${posterCode}:${day}`).digest('hex');
  return String(parseInt(hex.slice(0, 12), 16) % 1_000_000).padStart(6, '0');
};
const daySecret = async () => (await server.admin.collection('door_settings').getFullList())[0].day_secret as string;
/** Six digits that are not the day's code. */
const notTheCode = (code: string) => (code === '000000' ? '000001' : '000000');

const MISSING = '"day_code" is missing: type the door code of the day, shown on the door screen at the entrance.';
const WRONG = '"day_code" is not today’s door code. It changes every day: read it on the door screen at the entrance.';

describe('self check-in takes the door code of the day', () => {
  it('the poster alone (a photo of it) checks nobody in: the day code is asked for', async () => {
    const shown = await poster();
    const someone = await member(server);
    for (const body of [{ door: shown.url }, { door: shown.code }, { door: shown.url, day_code: '' }]) {
      expect(await selfCheckin(someone.pb, body)).toMatchObject({
        status: 400,
        message: MISSING,
        data: { day_code: { code: 'day_code_missing' } },
      });
    }
    expect(await selfCheckin(someone.pb, { door: shown.url, day_code: 'today' })).toMatchObject({
      status: 400,
      data: { day_code: { code: 'day_code_wrong' } },
    });
    expect(await server.admin.collection('checkins').getList(1, 1, { filter: `holder = "${someone.user.id}"` })).toMatchObject({
      totalItems: 0,
    });
  });

  it('refuses yesterday’s code today (and tomorrow’s); today’s works, typed or carried in the live screen’s link', async () => {
    const shown = await poster();
    const today = dayOf(new Date());
    expect(shown).toMatchObject({ day: today, day_code: expect.stringMatching(/^\d{6}$/), day_url: `${shown.url}?day=${shown.day_code}` });
    // the code is the day's, derived from a secret kept on the server: yesterday's was another
    const secret = await daySecret();
    expect(secret).toMatch(/^\S{32,}$/);
    expect(dayCode(secret, shown.code, today)).toBe(shown.day_code);
    const yesterday = dayCode(secret, shown.code, shiftDay(today, -1));
    const tomorrow = dayCode(secret, shown.code, shiftDay(today, 1));
    expect([yesterday, tomorrow]).not.toContain(shown.day_code);

    const someone = await member(server);
    for (const old of [yesterday, tomorrow]) {
      expect(await selfCheckin(someone.pb, { door: shown.url, day_code: old })).toMatchObject({
        status: 400,
        message: WRONG,
        data: { day_code: { code: 'day_code_wrong' } },
      });
      // nor carried in a link: a photo of yesterday's screen
      expect(await selfCheckin(someone.pb, { door: `${shown.url}?day=${old}` })).toMatchObject({ status: 400, message: WRONG });
    }
    expect((await selfCheckin(someone.pb, { door: shown.url, day_code: shown.day_code })).body).toMatchObject({
      verdict: 'admitted',
      direction: 'in',
    });
    // typed as the screen shows it, with a space in the middle
    const spaced = `${shown.day_code.slice(0, 3)} ${shown.day_code.slice(3)}`;
    expect((await selfCheckin(someone.pb, { door: shown.code, day_code: spaced })).body).toMatchObject({
      verdict: 'admitted',
      direction: 'out',
    });
    expect((await selfCheckin(someone.pb, { door: shown.day_url })).body).toMatchObject({ verdict: 'admitted', direction: 'in' });
    const mine = await server.admin.collection('checkins').getFullList<CheckinRecord>({ filter: `holder = "${someone.user.id}"` });
    expect(mine.map((c) => c.source)).toEqual(['self', 'self', 'self']);
  });

  it('is the same all day without a host doing anything, and a new poster code makes a new day code', async () => {
    const shown = await poster();
    expect(await poster()).toEqual(shown);
    const rotated = (await call<Poster>(host, '/api/coffice/door-poster/rotate')).body;
    expect(rotated).toMatchObject({ day: shown.day, day_code: expect.stringMatching(/^\d{6}$/) });
    expect(rotated.day_code).toBe(dayCode(await daySecret(), rotated.code, rotated.day));
    expect(await poster()).toEqual(rotated);
    const someone = await member(server);
    expect(await selfCheckin(someone.pb, { door: rotated.url, day_code: notTheCode(rotated.day_code) })).toMatchObject({
      status: 400,
      message: WRONG,
    });
    expect((await selfCheckin(someone.pb, { door: rotated.url, day_code: rotated.day_code })).body).toMatchObject({ verdict: 'admitted' });
  });
});

describe('self check-in is limited per member', () => {
  const TOO_MANY = /^Too many check-in tries: at most 10 in 10 minutes\. Try again in (10|9) minutes\.$/;

  it('takes 10 tries in 10 minutes, right or wrong; the 11th is a 429 that says so, and another member is not held up', async () => {
    const shown = await poster();
    const someone = await member(server);
    for (let i = 0; i < 10; i++) {
      const right = i % 2 === 0;
      const answer = await selfCheckin(someone.pb, { door: shown.url, day_code: right ? shown.day_code : notTheCode(shown.day_code) });
      expect(answer.status).toBe(right ? 200 : 400);
    }
    for (let i = 0; i < 2; i++) {
      const answer = await selfCheckin(someone.pb, { door: shown.url, day_code: shown.day_code });
      expect(answer.status).toBe(429);
      expect(answer.message).toMatch(TOO_MANY);
    }
    const mine = await server.admin.collection('checkins').getFullList<CheckinRecord>({ filter: `holder = "${someone.user.id}"` });
    expect(mine).toHaveLength(5);
    // the same address, another member: their own 10 tries
    const other = await member(server);
    expect((await selfCheckin(other.pb, { door: shown.url, day_code: shown.day_code })).body).toMatchObject({ verdict: 'admitted' });
  });

  it('holds under a burst: of 20 tries sent at once, 10 are answered and 10 refused', async () => {
    const shown = await poster();
    const someone = await member(server);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => selfCheckin(someone.pb, { door: shown.url, day_code: notTheCode(shown.day_code) })),
    );
    expect(answers.filter((a) => a.status === 400)).toHaveLength(10);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(10);
  });
});
