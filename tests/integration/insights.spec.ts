// The venue's numbers (GET /api/coffice/insights) against a real PocketBase: people are
// counted once per event and once per venue day, days are Stockholm's, and only hosts ask.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TypedPocketBase } from '../../src/lib/pocketbase/types';
import { startTestServer, type TestServer } from '../helpers/server';
import { awayFromMidnight, call } from './door-fixtures';
import { dayOf } from '../../src/lib/time/venue-clock';
import type { Insights } from '../../src/lib/services/insights.service';

let server: TestServer;
let host: TypedPocketBase;
beforeAll(async () => {
  server = await startTestServer();
  host = (await server.person('host', 'Maja Lindqvist')).pb;
});
afterAll(() => server?.stop());

const insights = (query: string, pb = host) => call<Insights>(pb, `/api/coffice/insights${query}`, 'GET');

describe('a week in October 2025 (summer time, UTC+2)', () => {
  let answer: Insights;
  beforeAll(async () => {
    const { admin } = server;
    const [a, b, c] = await Promise.all(['Anna', 'Bo', 'Cecilia'].map((name) => server.person('member', name)));
    const event = (title: string, starts: string, status = 'published') =>
      admin
        .collection('events')
        .create({ title, kind: 'talk', starts, ends: new Date(Date.parse(starts) + 3_600_000).toISOString(), status, capacity: 0 });
    const talk = await event('Tisdagsföredrag', '2025-10-07T06:00:00Z');
    const breakfast = await event('Torsdagsfrukost', '2025-10-09T05:00:00Z');
    await event('Inställt', '2025-10-08T06:00:00Z', 'cancelled');
    await event('Utkast', '2025-10-10T06:00:00Z', 'draft');
    await event('Veckan efter', '2025-10-13T06:00:00Z');
    const checkin = (holder: { user: { id: string } }, at: string, fields: Record<string, unknown> = {}) =>
      admin.collection('checkins').create({
        holder: holder.user.id,
        direction: 'in',
        source: 'door',
        verdict: 'admitted',
        scanned_at: at,
        device: 'test',
        ...fields,
      });
    // at the talk: Anna twice (one participant), Bo once; Cecilia was refused; Anna's exit counts nothing
    await checkin(a, '2025-10-07T05:50:00Z', { event: talk.id });
    await checkin(a, '2025-10-07T05:55:00Z', { event: talk.id });
    await checkin(b, '2025-10-07T05:56:00Z', { event: talk.id });
    await checkin(c, '2025-10-07T05:57:00Z', { event: talk.id, verdict: 'already_in' });
    await checkin(a, '2025-10-07T07:00:00Z', { event: talk.id, direction: 'out' });
    await checkin(a, '2025-10-09T04:55:00Z', { event: breakfast.id });
    // the front door: Monday Anna (twice) and Bo; Tuesday Anna, and Bo at 00:30 Stockholm time
    await checkin(a, '2025-10-06T06:10:00Z');
    await checkin(a, '2025-10-06T11:00:00Z');
    await checkin(b, '2025-10-06T07:00:00Z');
    await checkin(a, '2025-10-07T07:00:00Z');
    await checkin(b, '2025-10-06T22:30:00Z');
    // Sunday 23:30 UTC is already Monday the 13th in Stockholm: outside the week
    await checkin(c, '2025-10-12T22:30:00Z');
    const got = await insights('?from=2025-10-06&to=2025-10-12');
    expect(got.status).toBe(200);
    answer = got.body;
  });

  it('counts events held, not drafts, and cancelled ones apart', () => {
    expect(answer).toMatchObject({ from: '2025-10-06', to: '2025-10-12', events_held: 2, events_cancelled: 1 });
  });

  it('counts a participant once per event, however often scanned, and only when admitted in', () => {
    expect(answer).toMatchObject({ participants: 3, participants_per_event: 1.5 });
  });

  it('counts a visit once per person and Stockholm day, and averages them per weekday', () => {
    expect(answer.visits).toBe(4);
    expect(answer.visits_by_weekday.map((w) => [w.weekday, w.visits, w.days, w.average])).toEqual([
      [1, 2, 1, 2],
      [2, 2, 1, 2],
      [3, 0, 1, 0],
      [4, 0, 1, 0],
      [5, 0, 1, 0],
      [6, 0, 1, 0],
      [7, 0, 1, 0],
    ]);
  });

  it('averages only over the days the front door recorded, and says from when', async () => {
    // the door's first admission is Monday 6 October: September's empty days are not days
    // nobody came, they are days nothing was recorded
    const { status, body } = await insights('?from=2025-09-01&to=2025-10-12');
    expect(status).toBe(200);
    expect(body.counted_from).toBe('2025-10-06');
    expect(body.visits_by_weekday.map((w) => [w.weekday, w.visits, w.days, w.average])).toEqual([
      [1, 2, 1, 2],
      [2, 2, 1, 2],
      [3, 0, 1, 0],
      [4, 0, 1, 0],
      [5, 0, 1, 0],
      [6, 0, 1, 0],
      [7, 0, 1, 0],
    ]);
    expect(answer.counted_from).toBe('2025-10-06');
    // a period wholly before the door's first day has nothing to average
    const before = (await insights('?from=2025-08-01&to=2025-08-31')).body;
    expect(before.counted_from).toBeNull();
    expect(before.visits_by_weekday.every((w) => w.days === 0 && w.average === 0)).toBe(true);
  });

  it('adds up by month, and counts the member accounts', () => {
    expect(answer.months).toEqual([{ month: '2025-10', events: 2, participants: 3, visits: 4 }]);
    expect(answer.members).toBe(3);
    expect(answer.new_companies).toBe(0);
  });
});

it('counts the companies added in the period, and only the days that have been', async () => {
  await awayFromMidnight(); // the server's "today" and this test's must be the same day
  const today = dayOf(new Date());
  const weekAgo = dayOf(new Date(Date.now() - 6 * 86_400_000));
  const nextWeek = dayOf(new Date(Date.now() + 7 * 86_400_000));
  await server.admin.collection('companies').create({ name: `Nya Byrån ${Date.now()}`, seat: 'flex' });
  const { status, body } = await insights(`?from=${weekAgo}&to=${nextWeek}`);
  expect(status).toBe(200);
  expect(body.new_companies).toBe(1);
  // the coming week is in the period but has not happened: its days are not averaged over
  expect(body.visits_by_weekday.reduce((sum, w) => sum + w.days, 0)).toBe(
    Math.round((Date.parse(today) - Date.parse(weekAgo)) / 86_400_000) + 1,
  );
});

it('answers only hosts', async () => {
  const member = (await server.person('member')).pb;
  expect(await insights('?from=2025-10-06&to=2025-10-12', member)).toMatchObject({
    status: 403,
    message: "Only hosts can see the venue's numbers.",
  });
  expect((await insights('?from=2025-10-06&to=2025-10-12', server.client())).status).toBe(401);
});

it.each([
  ['', 'Send the period as ?from=YYYY-MM-DD&to=YYYY-MM-DD (venue days, both included).'],
  ['?from=2025-10-06', 'Send the period as ?from=YYYY-MM-DD&to=YYYY-MM-DD (venue days, both included).'],
  ['?from=2025-02-30&to=2025-03-10', '"from" is not a date like 2026-01-31.'],
  ['?from=2025-10-06&to=next week', '"to" is not a date like 2026-12-31.'],
  ['?from=2025-10-12&to=2025-10-06', '"to" comes before "from".'],
  ['?from=2024-01-01&to=2025-01-31', 'A period can be at most 366 days long.'],
])('refuses %j with a 400 that says why', async (query, message) => {
  expect(await insights(query)).toMatchObject({ status: 400, message });
});
