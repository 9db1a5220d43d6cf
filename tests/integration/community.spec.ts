// The community's views of people keep to what each person chose (DESIGN "The space and its
// community"): nobody is in "here today", the directory or "who was here" without opting in;
// opting out works at once; guests and anonymous callers see none of it; leaving (an `out`
// scan or closing time) takes a person off "here today"; a member edits their own company's
// profile and nothing else; "who was here" is for the admitted, for 14 days.
import net from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TypedPocketBase } from '../../src/lib/pocketbase/types';
import { toStored, venueWallClock } from '../../src/lib/time/venue-clock';
import { createEvent, startTestServer, type TestServer } from '../helpers/server';
import { awayFromMidnight, call, member } from './door-fixtures';

let server: TestServer;
let host: TypedPocketBase;
beforeAll(async () => {
  server = await startTestServer();
  host = (await server.person('host', 'Maja Värd')).pb;
});
afterAll(() => server?.stop());
beforeEach(() => awayFromMidnight());

/** The record the server saves when "here today" changed; its realtime topic. */
const HERE = 'here_signals/heretodaysignal';
/** A "here today" message: the record's update, with nothing about anybody in it. */
function expectSignal(data: string) {
  const { action, record } = JSON.parse(data) as { action: string; record: Record<string, unknown> };
  expect(action).toBe('update');
  expect(Object.keys(record).sort()).toEqual(['collectionId', 'collectionName', 'created', 'id', 'updated']);
}

type Here = { people: { name: string; company: string; since: string }[] };
type Person = { name: string; headline: string; company: string };
const here = async (pb: TypedPocketBase) => (await call<Here>(pb, '/api/coffice/here', 'GET')).body.people;
const names = (people: { name: string }[]) => people.map((p) => p.name).sort();
const scan = (code: string, direction: 'in' | 'out', event = '') =>
  call(host, '/api/coffice/scan', 'POST', { code, direction, ...(event ? { event } : {}) });

async function company(name: string) {
  return server.admin.collection('companies').create({ name, seat: 'flex', about: 'Om oss', tags: ['design'] });
}

describe('here today', () => {
  it('shows opted-in members inside now, by company; not the others; out removes; opting out works at once', async () => {
    const studio = await company('Ljusa Studion');
    const anna = await member(server, 'Anna Inne');
    const bo = await member(server, 'Bo Hemlig');
    const cia = await member(server, 'Cia Gått');
    await server.admin.collection('users').update(anna.user.id, { show_presence: true, company: studio.id });
    await server.admin.collection('users').update(cia.user.id, { show_presence: true });
    for (const person of [anna, bo, cia]) expect((await scan(person.code, 'in')).body.verdict).toBe('admitted');
    expect((await scan(cia.code, 'out')).body.verdict).toBe('admitted');

    const seen = await here(bo.pb);
    expect(names(seen)).toEqual(['Anna Inne']); // Bo never opted in, Cia left
    expect(seen[0]).toMatchObject({ company: 'Ljusa Studion' });
    expect(Date.now() - Date.parse(seen[0].since.replace(' ', 'T'))).toBeLessThan(60_000);
    expect(Object.keys(seen[0]).sort()).toEqual(['company', 'name', 'since']); // no email, no id

    await anna.pb.collection('users').update(anna.user.id, { show_presence: false });
    expect(await here(bo.pb)).toEqual([]);
    await anna.pb.collection('users').update(anna.user.id, { show_presence: true });
    expect(names(await here(host))).toEqual(['Anna Inne']);
  });

  it('refuses guests and anonymous callers', async () => {
    const guest = await server.person('guest');
    for (const path of ['/api/coffice/here', '/api/coffice/directory']) {
      expect((await call(guest.pb, path, 'GET')).status).toBe(403);
      expect((await call(server.client(), path, 'GET')).status).toBe(401);
    }
  });

  it('tells members’ open pages when someone comes in (no data in the message); a guest cannot follow it', async () => {
    const watcher = await member(server, 'Dan Tittar');
    const guest = await server.person('guest');
    const guestStream = await realtime();
    expect(await guestStream.subscribe(guest.pb.authStore.token)).toBe(403);
    expect(await guestStream.subscribe(guest.pb.authStore.token, ['here_signals/*'])).toBe(403);
    expect(await guest.pb.collection('here_signals').getList()).toMatchObject({ items: [] }); // the rule, too
    guestStream.close();
    const anonymousStream = await realtime();
    expect(await anonymousStream.subscribe('')).toBe(403);
    anonymousStream.close();

    // only a person shown on "here today" is worth a message: Eva has opted in
    const comer = await member(server, 'Eva Kommer');
    await server.admin.collection('users').update(comer.user.id, { show_presence: true });
    const stream = await realtime();
    expect(await stream.subscribe(watcher.pb.authStore.token, [HERE, 'events'])).toBe(204);
    const message = stream.next(HERE);
    await scan(comer.code, 'in');
    expectSignal(await message);

    // made a guest while the page is open: the role as stored now counts, not the one it subscribed with
    await server.admin.collection('users').update(watcher.user.id, { role: 'guest' });
    const next = stream.nextOf([HERE, 'events']);
    await scan(comer.code, 'out');
    const published = await createEvent(server.admin, { title: 'Efter degraderingen' });
    expect(await next).toMatchObject({ event: 'events' });
    expect(JSON.parse((await next).data).record.id).toBe(published.id);
    stream.close();
  });

  it('tells only the pages still following: one that stopped hears nothing until it follows again; a closed one breaks nothing', async () => {
    const watcher = await member(server, 'Jon Tittar');
    const comer = await member(server, 'Kim Kommer');
    await server.admin.collection('users').update(comer.user.id, { show_presence: true });
    const token = watcher.pb.authStore.token;
    const [staying, stopping, closing] = [await realtime(), await realtime(), await realtime()];
    for (const stream of [staying, stopping, closing]) expect(await stream.subscribe(token)).toBe(204);
    closing.close();
    expect(await stopping.subscribe(token, ['events'])).toBe(204);

    const toStaying = staying.next(HERE);
    const toStopping = stopping.nextOf([HERE, 'events']);
    await scan(comer.code, 'in');
    expectSignal(await toStaying);
    // what the page that stopped hears next is the programme, not "here today"
    const published = await createEvent(server.admin, { title: 'Efter skanningen' });
    expect(await toStopping).toMatchObject({ event: 'events' });
    expect(JSON.parse((await toStopping).data).record.id).toBe(published.id);

    // following again, it hears the next one, with the page that never stopped
    expect(await stopping.subscribe(token)).toBe(204);
    const again = [staying.next(HERE), stopping.next(HERE)];
    await scan(comer.code, 'out');
    (await Promise.all(again)).forEach(expectSignal);
    staying.close();
    stopping.close();
  });

  it('a page that stopped reading does not hold the door: the scan answers, and the pages still reading hear it', async () => {
    const frozen = await member(server, 'Lo Fryst');
    const reading = await member(server, 'Mia Läser');
    const comer = await member(server, 'Nils Kommer');
    await server.admin.collection('users').update(comer.user.id, { show_presence: true });
    // the programme's news that fills the frozen phone's stream: 100 topics of one event, so each
    // change of its 8,000-character description is 100 messages (~0.8 MB)
    const news = await createEvent(server.admin, { title: 'Nyheter' });
    const topics = [HERE, ...Array.from({ length: 100 }, (_, i) => `events/${news.id}?n=${i}`)];
    const stuck = await stalledStream(frozen.pb.authStore.token, topics);
    const awake = await realtime();
    try {
      expect(await awake.subscribe(reading.pb.authStore.token)).toBe(204);
      // 12 MB: well past what the kernel holds for one connection (4 MB to send, 128 kB to
      // receive, here): the server's writer for the frozen stream stops, and every message
      // for it waits
      for (let i = 0; i < 15; i++) await server.admin.collection('events').update(news.id, { description: String(i % 10).repeat(8000) });
      const heard = awake.next(HERE);
      // the door's scan, given up on after 20 s (status 0) if it is held
      const scanHeld = (direction: 'in' | 'out') =>
        call<{ verdict: string }>(host, '/api/coffice/scan', 'POST', { code: comer.code, direction }, AbortSignal.timeout(20_000));
      const answer = await scanHeld('in');
      expect(answer.status, 'the scan answered (0: it was held until the test gave up)').toBe(200);
      expect(answer.body.verdict).toBe('admitted');
      expectSignal(await heard);
      // and the next scan is not held either (before, each one waited behind the last)
      const out = await scanHeld('out');
      expect(out.status, 'the next scan answered').toBe(200);
      expect(out.body.verdict).toBe('admitted');
    } finally {
      stuck.close();
      awake.close();
    }
  });

  it('the signal outlives an operator: deleted in the admin UI, the next scan makes it again; without its collection the scan still answers', async () => {
    const watcher = await member(server, 'Olle Tittar');
    const comer = await member(server, 'Pia Kommer');
    await server.admin.collection('users').update(comer.user.id, { show_presence: true });
    const stream = await realtime();
    expect(await stream.subscribe(watcher.pb.authStore.token)).toBe(204);
    const deleted = stream.next(HERE);
    await server.admin.collection('here_signals').delete('heretodaysignal');
    expect(JSON.parse(await deleted)).toMatchObject({ action: 'delete' });
    const made = stream.next(HERE);
    await scan(comer.code, 'in');
    expect(JSON.parse(await made)).toMatchObject({ action: 'create', record: { id: 'heretodaysignal' } });
    stream.close();

    // an operator who removed the whole collection loses the live updates, not the door
    const bare = await startTestServer();
    try {
      await bare.admin.collections.delete('here_signals');
      const [watching, coming] = [await member(bare, 'Rut Tittar'), await member(bare, 'Sam Kommer')];
      await bare.admin.collection('users').update(coming.user.id, { show_presence: true });
      const host2 = (await bare.person('host')).pb;
      const stream2 = await realtime(bare.url);
      expect(await stream2.subscribe(watching.pb.authStore.token)).toBe(204);
      const scanned = await call<{ verdict: string }>(host2, '/api/coffice/scan', 'POST', { code: coming.code, direction: 'in' });
      expect(scanned.status).toBe(200);
      expect(scanned.body.verdict).toBe('admitted');
      stream2.close();
    } finally {
      await bare.stop();
    }
  });

  it('an offline door’s upload tells open pages too, once for the whole upload', async () => {
    const watcher = await member(server, 'Gun Tittar');
    const comers = [await member(server, 'Hans Offline'), await member(server, 'Ida Offline')];
    for (const comer of comers) await server.admin.collection('users').update(comer.user.id, { show_presence: true });
    const stream = await realtime();
    expect(await stream.subscribe(watcher.pb.authStore.token)).toBe(204);
    const message = stream.next(HERE);
    const at = new Date(Date.now() - 60_000).toISOString();
    const scans = comers.map((comer, i) => ({
      id: `offlinehere00${i}x`.slice(0, 15),
      code: comer.code,
      direction: 'in',
      scanned_at: at,
      device: 'door-2',
      verdict: 'admitted',
    }));
    const upload = await call<{ results: { status: string }[] }>(host, '/api/coffice/sync', 'POST', { scans });
    expect(upload.body.results.map((r) => r.status)).toEqual(['stored', 'stored']);
    expectSignal(await message);
    expect(names(await here(host))).toEqual(expect.arrayContaining(['Hans Offline', 'Ida Offline']));
    stream.close();
  });

  it('after closing time nobody is here', async () => {
    await awayFromMidnight({ after: 3 * 60_000 }); // "a minute ago" must be today
    const late = await member(server, 'Fia Sen');
    await server.admin.collection('users').update(late.user.id, { show_presence: true });
    await scan(late.code, 'in');
    expect(names(await here(host))).toContain('Fia Sen');
    const wall = venueWallClock(Date.now() - 60_000); // a minute ago: closed already, whatever the cron does
    const hhmm = `${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`;
    expect((await call(host, '/api/coffice/door-settings', 'POST', { closing_time: hhmm })).status).toBe(200);
    expect(await here(host)).toEqual([]);
    await call(host, '/api/coffice/door-settings', 'POST', { closing_time: '' });
  });
});

describe('the directory', () => {
  it('lists only members who chose to be listed: name, headline, company — never an email', async () => {
    const firm = await company('Byrån AB');
    const listed = await member(server, 'Gun Listad');
    await listed.pb.collection('users').update(listed.user.id, { listed: true, headline: 'Redovisning för småföretag' });
    await server.admin.collection('users').update(listed.user.id, { company: firm.id });
    await member(server, 'Hans Olistad');
    const guest = await server.person('guest', 'Ivar Gäst');
    await guest.pb.collection('users').update(guest.user.id, { listed: true }); // a guest is no member

    const people = (await call<{ people: Person[] }>(listed.pb, '/api/coffice/directory', 'GET')).body.people;
    expect(names(people)).toEqual(['Gun Listad']);
    expect(people[0]).toMatchObject({ name: 'Gun Listad', headline: 'Redovisning för småföretag', company: 'Byrån AB' });
    expect(JSON.stringify(people)).not.toContain('@');

    await listed.pb.collection('users').update(listed.user.id, { listed: false });
    expect((await call<{ people: Person[] }>(host, '/api/coffice/directory', 'GET')).body.people).toEqual([]);
    await expect(listed.pb.collection('users').update(listed.user.id, { headline: 'x'.repeat(81) })).rejects.toMatchObject({ status: 400 });
  });

  it('a member edits their own company’s profile, not its name or listing, nor another company', async () => {
    const own = await company('Egen AB');
    const other = await company('Annan AB');
    const someone = await member(server, 'Jon Egen');
    await server.admin.collection('users').update(someone.user.id, { company: own.id });
    await someone.pb.collection('users').authRefresh();
    const companies = someone.pb.collection('companies');
    await companies.update(own.id, {
      about: 'Vi bygger appar',
      offers: 'Apputveckling',
      seeks: 'PR-byrå',
      website: 'https://egen.example',
    });
    expect(await server.admin.collection('companies').getOne(own.id)).toMatchObject({
      about: 'Vi bygger appar',
      offers: 'Apputveckling',
      seeks: 'PR-byrå',
    });
    for (const change of [{ name: 'Ny' }, { listed: true }, { tags: ['x'] }, { seat: 'fixed' }]) {
      await expect(companies.update(own.id, change)).rejects.toMatchObject({ status: 404 });
    }
    await expect(companies.update(other.id, { about: 'kapat' })).rejects.toMatchObject({ status: 404 });
    expect(await server.admin.collection('companies').getOne(other.id)).toMatchObject({ name: 'Annan AB', about: 'Om oss' });
    expect(await server.admin.collection('companies').getOne(own.id)).toMatchObject({ name: 'Egen AB', listed: false });
  });
});

describe('who was here', () => {
  const attendees = (pb: TypedPocketBase, id: string) =>
    call<{ people: Person[]; until: string }>(pb, `/api/coffice/events/${id}/attendees`, 'GET');
  async function admitted(eventId: string, name: string, listed: boolean, minutesAgo: number) {
    const person = await member(server, name);
    await person.pb.collection('users').update(person.user.id, { listed, headline: listed ? `${name} hjälper till` : '' });
    await server.admin.collection('checkins').create({
      pass: person.pass.id,
      holder: person.user.id,
      event: eventId,
      direction: 'in',
      source: 'door',
      verdict: 'admitted',
      scanned_at: toStored(Date.now() - minutesAgo * 60_000),
    });
    return person;
  }

  it('lists the listed admitted people to the admitted and to hosts, after the event; 403 to others', async () => {
    const ended = await createEvent(server.admin, { starts: toStored(Date.now() - 3 * 3600_000), ends: toStored(Date.now() - 3600_000) });
    const kim = await admitted(ended.id, 'Kim Listad', true, 150);
    const lo = await admitted(ended.id, 'Lo Olistad', false, 150);
    const outsider = await member(server, 'Mo Utanför');
    const guest = await server.person('guest');

    const seen = await attendees(lo.pb, ended.id);
    expect(seen.status).toBe(200);
    expect(seen.body.people).toEqual([{ id: kim.user.id, name: 'Kim Listad', headline: 'Kim Listad hjälper till', company: '' }]);
    expect((await attendees(kim.pb, ended.id)).status).toBe(200);
    expect(names((await attendees(host, ended.id)).body.people)).toEqual(['Kim Listad']);
    expect((await attendees(outsider.pb, ended.id)).status).toBe(403);
    expect((await attendees(guest.pb, ended.id)).status).toBe(403);
    expect((await attendees(server.client(), ended.id)).status).toBe(401);
    expect((await attendees(host, 'not an id')).status).toBe(400);
    expect((await attendees(host, 'a'.repeat(10_000))).status).toBe(400);
    expect((await attendees(host, 'abcdefghijklmno')).status).toBe(404); // well-formed, no such event

    await kim.pb.collection('users').update(kim.user.id, { listed: false });
    expect((await attendees(lo.pb, ended.id)).body.people).toEqual([]);
  });

  it('is not there before the event ends, nor 14 days after', async () => {
    const running = await createEvent(server.admin, { starts: toStored(Date.now() - 30 * 60_000), ends: toStored(Date.now() + 3600_000) });
    const now = await admitted(running.id, 'Nils Nu', true, 20);
    expect((await attendees(now.pb, running.id)).status).toBe(404);

    const day = 24 * 3600_000;
    const old = await createEvent(server.admin, {
      starts: toStored(Date.now() - 14 * day - 2 * 3600_000),
      ends: toStored(Date.now() - 14 * day - 60_000),
    });
    const then = await admitted(old.id, 'Olle Då', true, 14 * 24 * 60 + 60);
    expect((await attendees(then.pb, old.id)).status).toBe(404);
    expect((await attendees(host, old.id)).status).toBe(404);

    const recent = await createEvent(server.admin, {
      starts: toStored(Date.now() - 13 * day - 2 * 3600_000),
      ends: toStored(Date.now() - 13 * day),
    });
    const still = await admitted(recent.id, 'Pia Nyss', true, 13 * 24 * 60 + 60);
    expect(names((await attendees(still.pb, recent.id)).body.people)).toEqual(['Pia Nyss']);
  });
});

/** Sets a realtime client's subscriptions with a person's token; the answer's status. */
async function subscribeTo(url: string, clientId: string, token: string, topics: string[]) {
  const answer = await fetch(`${url}/api/realtime`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: token },
    body: JSON.stringify({ clientId, subscriptions: topics }),
  });
  return answer.status;
}

/**
 * A realtime connection that stops reading once it has its id, as a phone frozen in a pocket
 * does: subscribed to `topics`, it takes nothing more from the socket.
 */
async function stalledStream(token: string, topics: string[]) {
  const { hostname, port } = new URL(server.url);
  const socket = net.connect(Number(port), hostname);
  const clientId = await new Promise<string>((resolve, reject) => {
    let text = '';
    const read = (chunk: Buffer) => {
      text += chunk.toString();
      const found = /"clientId":"([^"]+)"/.exec(text);
      if (!found) return;
      socket.off('data', read);
      socket.pause();
      resolve(found[1]);
    };
    socket.on('data', read);
    socket.once('error', reject);
    socket.write(`GET /api/realtime HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAccept: text/event-stream\r\n\r\n`);
  });
  expect(await subscribeTo(server.url, clientId, token, topics)).toBe(204);
  return { close: () => socket.destroy() };
}

/** A raw realtime (SSE) connection: subscribe with a token, then wait for a topic's message. */
async function realtime(url = server.url) {
  const controller = new AbortController();
  const response = await fetch(`${url}/api/realtime`, { signal: controller.signal });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  async function nextEvent(): Promise<{ event: string; data: string }> {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const field = (name: string) =>
          block
            .split('\n')
            .find((line) => line.startsWith(name + ':'))
            ?.slice(name.length + 1) ?? '';
        return { event: field('event'), data: field('data') };
      }
      const { value, done } = await reader.read();
      if (done) throw new Error('the realtime stream ended');
      buffer += value;
    }
  }
  const connect = await nextEvent();
  const clientId = JSON.parse(connect.data).clientId as string;
  return {
    /** Subscribes to `topics` (replacing what the stream followed); the answer's status. */
    subscribe: (token: string, topics = [HERE]) => subscribeTo(url, clientId, token, topics),
    async next(topic: string) {
      return (await this.nextOf([topic])).data;
    },
    /** The next message of any of `topics`. */
    async nextOf(topics: string[]) {
      for (;;) {
        const message = await nextEvent();
        if (topics.includes(message.event)) return message;
      }
    },
    close: () => controller.abort(),
  };
}
