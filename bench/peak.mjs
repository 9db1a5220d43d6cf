// The anniversary week at its peak (issue #17), bounded and on loopback only: the demo venue
// (~100 events, ~1,500 registrations, a check-in history) plus its anniversary evening with
// 300 registered people. 150 phones hold the programme open with realtime; two doors admit
// the 300 (one loses its wifi for 2 minutes, queues its scans and uploads them when back);
// a host announces (publishes) a talk and 60 people register in the minute after; the host
// goes on editing the programme. Ten minutes of the evening are played in two (SPEEDUP 5:
// every rate is 5× the real one, so the run is harder than the evening, not easier).
// The door's rate is ramped in steps until the sync route's p99 passes 100 ms, at rest and
// with the phones connected. Everything is beside a baseline measured in the same run at rest.
// Real accounts throughout: phones are people of the venue (impersonated by the operator,
// which signs them in without 150 password hashes), doors and the host sign in with their
// passwords. Each phone, door and host is its own loopback address (per-address rate limits).
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { subscribe } from '../scripts/lib/realtime-subscriber.mjs';
import { createMissing, idFor } from '../scripts/seed/seed.mjs';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../scripts/seed/demo-data.mjs';
import { BENCH_PASSWORD, benchServer, loopbackClient, percentile, printTable, sampleRss } from './lib.mjs';
import { recordPlot } from './report.mjs';

const SPEEDUP = 5;
const PHONES = 150;
const DOOR_PEOPLE = 300;
const REGISTRANTS = 60;
const EVENING_S = 600 / SPEEDUP; // 10 minutes at the doors
const DROP_FROM_S = 40; // door 2's wifi goes at 40 s (3 min 20 s into the evening)
const DROP_S = 120 / SPEEDUP; // for 2 minutes
const ANNOUNCE_S = 60 / SPEEDUP; // 60 registrations in the first minute
const EDIT_EVERY_S = 10; // the host moves an event of the programme
const RAMP = [5, 10, 20, 40, 80, 160, 320]; // scans/s
const RAMP_STEP_S = 6; // or longer: at least RAMP_STEP_SCANS scans, so a p99 is not just the worst one
const RAMP_STEP_SCANS = 120;
const RAMP_DOORS = 8;
const APP_BATCH = 200; // the app's largest upload of queued scans (docs/DOOR.md)

// progress on stderr: it stays out of bench/RESULTS.md
const say = (/** @type {string} */ line) => console.error(`peak: ${line}`);
const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
const newId = (/** @type {string} */ key) => idFor(`peak:${key}:${Math.random()}`);
const PROGRAMME_PULL = '/api/collections/events/records?page=1&perPage=500&skipTotal=1&sort=updated,id';

export async function benchPeak() {
  say('seeding the demo venue');
  const { server, admin, dispose } = await benchServer({ demo: true });
  say('demo venue seeded; adding the evening');
  /** @type {{ what: string, detail: string }[]} */
  const errors = [];
  /** @param {string} what @param {{ status: number, body: any }} answer @param {number[]} [ok] */
  const check = (what, answer, ok = [200, 204]) => {
    if (!ok.includes(answer.status)) errors.push({ what, detail: `${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}` });
    return ok.includes(answer.status);
  };
  /** @type {Awaited<ReturnType<typeof loopbackClient>>[]} */
  const clients = [];
  const client = async (/** @type {string} */ address) => {
    const c = await loopbackClient(server.url, address);
    clients.push(c);
    return c;
  };
  /** @type {{ close(): void }[]} */
  const streams = [];
  const memory = sampleRss(/** @type {number} */ (server.child.pid));
  /** @type {[string, number][]} */
  const phases = [['setup: guests, registrations, sign-ins', memory.now()]];
  try {
    admin.autoCancellation(false);
    // ---- the venue: the demo's people and new guests, 300 registered for the evening
    const demoPeople = await admin.collection('users').getFullList({ filter: 'role != "host"', batch: 500 });
    const stamp = Date.now();
    const newGuests = Array.from({ length: DOOR_PEOPLE - demoPeople.length }, (_, i) => ({
      id: idFor(`peak-guest:${stamp}:${i}`),
      email: `jubileum-${i}-${stamp}@bench.test`,
      name: `Jubileumsgäst ${i}`,
      role: 'guest',
      password: BENCH_PASSWORD,
      passwordConfirm: BENCH_PASSWORD,
      mail_notices: 'none',
    }));
    await createMissing(admin, 'users', newGuests, { size: 5 });
    const people = [...demoPeople.map((p) => p.id), ...newGuests.map((g) => g.id)];
    const hour = 3600_000;
    const evening = await admin.collection('events').create({
      title: 'Coffice 10 år: jubileumskvällen',
      kind: 'meetup',
      starts: new Date(Date.now() - 5 * 60_000).toISOString(),
      ends: new Date(Date.now() + 3 * hour).toISOString(),
      capacity: 0,
      status: 'published',
    });
    const registrationOf = new Map(people.map((user) => [idFor(`peak-reg:${evening.id}:${user}`), user]));
    await createMissing(
      admin,
      'registrations',
      [...registrationOf].map(([id, user]) => ({ id, event: evening.id, user })),
      { size: 100 },
    );
    const eventPasses = await admin.collection('passes').getFullList({ filter: 'kind = "event" && revoked = false', batch: 1000 });
    const codeOf = new Map(
      eventPasses.filter((p) => registrationOf.has(p.registration)).map((p) => [registrationOf.get(p.registration), p.code]),
    );
    const codes = people.map((id) => codeOf.get(id));
    if (codes.some((c) => !c)) throw new Error('not everyone of the evening has a pass');
    const talk = await admin.collection('events').create({
      title: 'Jubileumsföredrag: tio år i kvarteret',
      kind: 'talk',
      starts: new Date(Date.now() + 26 * hour).toISOString(),
      ends: new Date(Date.now() + 27 * hour).toISOString(),
      capacity: 80,
      status: 'draft',
    });
    const restEvent = await admin.collection('events').create({
      title: 'Frukost i vardagen',
      kind: 'breakfast',
      starts: new Date(Date.now() + 50 * hour).toISOString(),
      ends: new Date(Date.now() + 51 * hour).toISOString(),
      capacity: 0,
      status: 'published',
    });
    // what the host moves: published events of the coming days
    const movable = (
      await admin.collection('events').getFullList({
        filter: `status = "published" && starts > "${new Date(Date.now() + 2 * hour).toISOString().replace('T', ' ')}"`,
        sort: 'starts',
        batch: 500,
      })
    ).filter((e) => e.id !== restEvent.id && e.id !== talk.id);

    // ---- sign-ins: the host's laptop and two door tablets (passwords), the phones (impersonated)
    const maja = /** @type {{ email: string }} */ (DEMO_LOGINS.find((l) => l.role === 'host'));
    const oskar = { email: 'oskar.berg@coffice.test' }; // the demo's second host
    /** @param {Awaited<ReturnType<typeof loopbackClient>>} c @param {string} email */
    const signIn = async (c, email) => {
      const answer = await c.request('POST', '/api/collections/users/auth-with-password', { identity: email, password: DEMO_PASSWORD });
      if (!check(`sign-in ${email}`, answer, [200])) throw new Error(`${email} could not sign in`);
      return /** @type {string} */ (answer.body.token);
    };
    const laptop = await client('127.0.2.1');
    const hostToken = await signIn(laptop, maja.email);
    const doors = [await client('127.0.2.11'), await client('127.0.2.12')];
    const doorTokens = [await signIn(doors[0], maja.email), await signIn(doors[1], oskar.email)];
    const phoneUsers = people.slice(0, PHONES);
    const phoneTokens = [];
    for (const id of phoneUsers) {
      const signedIn = await admin.collection('users').impersonate(id, 3600);
      phoneTokens.push(signedIn.authStore.token);
    }
    const phoneClients = [];
    for (let i = 0; i < PHONES; i++) phoneClients.push(await client(`127.0.1.${i + 1}`));

    /**
     * One host edit's realtime delivery: when the host's answer arrived, and when each phone
     * got the record in the state the edit made.
     * @typedef {{ label: string, id: string, match: (record: any) => boolean, sentAt: number, answeredAt: number, arrived: Map<number, number> }} Edit
     */
    /** @type {Edit[]} */
    const edits = [];
    /** @param {number} phone @param {any} data @param {number} at */
    const heard = (phone, data, at) => {
      for (const edit of edits) {
        if (edit.id === data?.record?.id && !edit.arrived.has(phone) && edit.match(data.record)) edit.arrived.set(phone, at);
      }
    };
    let dropped = 0;
    /** @param {number} phone @param {string} address */
    const openPhone = async (phone, address) => {
      const start = performance.now();
      const stream = await subscribe(server.url, {
        token: phoneTokens[phone],
        localAddress: address,
        topics: ['events/*', 'registrations/*'],
        onMessage: (_topic, data, at) => heard(phone, data, at),
        onClose: () => dropped++,
      });
      streams.push(stream);
      return { stream, ms: performance.now() - start };
    };
    // The host moves an event of the coming days by 5 minutes more each time: a `starts` no
    // edit gave before, so each phone's copy shows which edit reached it. The edit is noted
    // before it is sent: its broadcast may come before its answer is read.
    let shift = 0;
    const moveEdit = async (/** @type {number} */ n) => {
      const target = movable[n % movable.length];
      shift += 5;
      const starts = new Date(Date.parse(target.starts) + shift * 60_000);
      const want = starts.toISOString().replace('T', ' ');
      /** @type {Edit} */
      const edit = {
        label: `move ${n}`,
        id: target.id,
        match: (record) => record.starts === want,
        sentAt: performance.now(),
        answeredAt: Infinity,
        arrived: new Map(),
      };
      edits.push(edit);
      const ends = new Date(Date.parse(target.ends) + shift * 60_000).toISOString();
      const answer = await laptop.request(
        'PATCH',
        `/api/collections/events/records/${target.id}`,
        { starts: starts.toISOString(), ends },
        hostToken,
      );
      edit.answeredAt = performance.now();
      check('host edit', answer, [200]);
      if (answer.body?.starts !== want)
        errors.push({ what: 'host edit', detail: `stored starts ${answer.body?.starts}, expected ${want}` });
      return answer;
    };

    /** A door's scan as the app uploads it. @param {number} person @param {string} device */
    const scanOf = (person, device, direction = 'in') => ({
      id: newId(device),
      code: codes[person],
      event: evening.id,
      direction,
      scanned_at: new Date().toISOString(),
      device,
      verdict: 'admitted',
    });
    /** @param {number} door @param {any[]} scans */
    const upload = async (door, scans) => {
      const answer = await doors[door % doors.length].request('POST', '/api/coffice/sync', { scans }, doorTokens[door % doorTokens.length]);
      if (check(`door ${door + 1} sync`, answer, [200])) {
        const bad = answer.body.results.filter((/** @type {any} */ r) => r.status === 'invalid');
        for (const r of bad) errors.push({ what: `door ${door + 1} scan`, detail: r.message });
      }
      return answer;
    };

    /**
     * Each route alone, one request at a time: the baseline (one phone listening) and again
     * with the 150 phones open and nothing else going on.
     * @param {number} from the first of 20 people who scan, register and pull
     */
    const quiet = async (from) => {
      const times = {
        pull: /** @type {number[]} */ ([]),
        register: /** @type {number[]} */ ([]),
        edit: /** @type {number[]} */ ([]),
        sync: /** @type {number[]} */ ([]),
        edits: /** @type {Edit[]} */ ([]),
      };
      for (let i = from; i < from + 20; i++) {
        const answer = await phoneClients[i].request('GET', PROGRAMME_PULL, undefined, phoneTokens[i]);
        if (check('programme pull', answer, [200])) times.pull.push(answer.ms);
      }
      for (let i = from; i < from + 20; i++) {
        const answer = await phoneClients[i].request(
          'POST',
          '/api/collections/registrations/records',
          { event: restEvent.id, user: phoneUsers[i] },
          phoneTokens[i],
        );
        if (check('registration', answer, [200])) times.register.push(answer.ms);
      }
      for (let i = 0; i < 8; i++) {
        const answer = await moveEdit(i);
        times.edit.push(answer.ms);
        times.edits.push(/** @type {Edit} */ (edits.at(-1)));
        await sleep(300);
      }
      for (let i = 0; i < 40; i++) {
        const answer = await upload(0, [scanOf(from + (i % 20), 'door-1', i < 20 ? 'in' : 'out')]);
        times.sync.push(answer.ms);
      }
      // the last edit is a second old: its messages have arrived or never will
      await sleep(1000);
      return times;
    };

    /**
     * The door's rate in steps (open loop: each scan leaves at its moment whether earlier ones
     * have answered or not), one scan per sync as an online door sends it, from RAMP_DOORS
     * doors, until the p99 passes 100 ms.
     */
    let scanNo = 0;
    const rampDoors = [];
    for (let i = 0; i < RAMP_DOORS; i++) rampDoors.push(await client(`127.0.3.${i + 1}`));
    const rampUp = async () => {
      /** @type {{ rate: number, sent: number, times: number[], achieved: number }[]} */
      const steps = [];
      for (const rate of RAMP) {
        const times = /** @type {number[]} */ ([]);
        const count = Math.max(RAMP_STEP_SCANS, rate * RAMP_STEP_S);
        const start = performance.now();
        await Promise.all(
          Array.from({ length: count }, async (_, i) => {
            await sleep(Math.max(0, start + (i * 1000) / rate - performance.now()));
            const n = scanNo++;
            const scan = scanOf(n % DOOR_PEOPLE, `ramp-${n % RAMP_DOORS}`, Math.floor(n / DOOR_PEOPLE) % 2 === 0 ? 'out' : 'in');
            const answer = await rampDoors[n % RAMP_DOORS].request('POST', '/api/coffice/sync', { scans: [scan] }, doorTokens[0]);
            if (check(`ramp ${rate}/s sync`, answer, [200])) times.push(answer.ms);
          }),
        );
        steps.push({ rate, sent: count, times, achieved: count / ((performance.now() - start) / 1000) });
        if (percentile(times, 99) > 100) break;
      }
      return steps;
    };

    // ---- at rest: one phone listening
    phases.push(['at rest (baseline)', memory.now()]);
    say('at rest');
    const restSubscribe = [];
    for (let i = 0; i < 10; i++) {
      const { stream, ms } = await openPhone(PHONES - 1 - i, `127.0.1.${PHONES - i}`);
      restSubscribe.push(ms);
      if (i > 0) stream.close();
    }
    const rest = await quiet(0);
    say('door ramp at rest');
    const restRamp = await rampUp();
    streams.splice(0).forEach((s) => s.close());

    // ---- the evening: 150 phones open the programme (at once, as after a restart of the server)
    phases.push(['150 phones connect', memory.now()]);
    say('150 phones connect');
    const peak = {
      pull: /** @type {number[]} */ ([]),
      subscribe: /** @type {number[]} */ ([]),
      register: /** @type {number[]} */ ([]),
      edit: /** @type {number[]} */ ([]),
      sync: /** @type {number[]} */ ([]),
      syncBatch: /** @type {[number, number, number][]} */ ([]),
    };
    const opened = await Promise.all(phoneUsers.map((_, i) => openPhone(i, `127.0.1.${i + 1}`)));
    peak.subscribe.push(...opened.map((o) => o.ms));
    // every phone pulls the programme when its realtime connects (the app's resync)
    const pulls = await Promise.all(phoneClients.map((c, i) => c.request('GET', PROGRAMME_PULL, undefined, phoneTokens[i])));
    for (const answer of pulls) if (check('programme pull', answer, [200])) peak.pull.push(answer.ms);
    phases.push(['150 phones open, one request at a time', memory.now()]);
    say('150 phones open, quiet');
    const open = await quiet(20);

    phases.push(['the evening (doors, announcement, edits)', memory.now()]);
    say(`the evening (${EVENING_S} s)`);
    const t0 = performance.now();
    const at = (/** @type {number} */ seconds) => sleep(Math.max(0, t0 + seconds * 1000 - performance.now()));
    const firstEdit = edits.length;
    const eveningFrom = new Date().toISOString().replace('T', ' ');

    // the host announces the talk, and goes on editing the programme
    const host = (async () => {
      /** @type {Edit} */
      const publish = {
        label: 'announce',
        id: talk.id,
        match: (r) => r.status === 'published',
        sentAt: performance.now(),
        answeredAt: Infinity,
        arrived: new Map(),
      };
      edits.push(publish);
      const answer = await laptop.request('PATCH', `/api/collections/events/records/${talk.id}`, { status: 'published' }, hostToken);
      publish.answeredAt = performance.now();
      check('announce', answer, [200]);
      peak.edit.push(answer.ms);
      for (let n = 1; n * EDIT_EVERY_S < EVENING_S; n++) {
        await at(n * EDIT_EVERY_S);
        peak.edit.push((await moveEdit(100 + n)).ms);
      }
    })();
    // 60 registrations in the first minute after the announcement, at random moments
    const registrations = (async () => {
      await at(0.2);
      const registrants = Array.from({ length: REGISTRANTS }, (_, i) => i);
      await Promise.all(
        registrants.map(async (phone) => {
          await at(0.2 + Math.random() * ANNOUNCE_S);
          const answer = await phoneClients[phone].request(
            'POST',
            '/api/collections/registrations/records',
            { event: talk.id, user: phoneUsers[phone] },
            phoneTokens[phone],
          );
          if (check('registration', answer, [200])) {
            peak.register.push(answer.ms);
            if (answer.body.status !== 'confirmed') errors.push({ what: 'registration', detail: `status ${answer.body.status}` });
          }
        }),
      );
    })();
    // two doors, 150 people each over the evening; the app's outbox: a scan is queued and sent
    // at once when online, queued scans go up in one request (≤ 200) when the wifi is back
    let longestOffline = 0;
    const door = async (/** @type {number} */ d) => {
      const mine = people.map((_, i) => i).filter((i) => i % 2 === d);
      /** @type {any[]} */
      const outbox = [];
      let sending = Promise.resolve();
      const offline = () => {
        const s = (performance.now() - t0) / 1000;
        return d === 1 && s >= DROP_FROM_S && s < DROP_FROM_S + DROP_S;
      };
      const flush = () => {
        sending = sending.then(async () => {
          while (outbox.length > 0 && !offline()) {
            const scans = outbox.splice(0, APP_BATCH);
            const answer = await upload(d, scans);
            if (scans.length === 1) peak.sync.push(answer.ms);
            else peak.syncBatch.push([d, scans.length, answer.ms]);
          }
        });
      };
      for (let k = 0; k < mine.length; k++) {
        await at(((k + 0.5) * EVENING_S) / mine.length);
        outbox.push(scanOf(mine[k], `door-${d + 1}`));
        if (!offline()) flush();
        else longestOffline = Math.max(longestOffline, outbox.length);
      }
      await at(DROP_FROM_S + DROP_S);
      flush();
      await sending;
    };
    await Promise.all([host, registrations, door(0), door(1)]);
    // each edit's messages have reached the phones or never will (the last edit is seconds old)
    await sleep(2000);
    // every scan of the evening's two doors is stored (the dropped door's queue included)
    const came = (
      await admin.collection('checkins').getList(1, 1, {
        filter: `(device = "door-1" || device = "door-2") && scanned_at >= "${eveningFrom}"`,
      })
    ).totalItems;

    // ---- the ramp again, the phones still open
    phases.push(['door ramp, 150 phones open', memory.now()]);
    say('door ramp, phones open');
    const ramp = await rampUp();
    phases.push(['end', memory.now()]);
    memory.stop();

    // ---- the report
    const delays = (/** @type {Edit[]} */ list, /** @type {number} */ phones) => {
      const fromAnswer = list.flatMap((e) => [...e.arrived.values()].map((t) => t - e.answeredAt));
      const fromSent = list.flatMap((e) => [...e.arrived.values()].map((t) => t - e.sentAt));
      const received = list.reduce((n, e) => n + e.arrived.size, 0);
      return { list, phones, fromAnswer, fromSent, received, expected: list.length * phones };
    };
    const eveningEdits = edits.slice(firstEdit);
    const delayRows = [
      ['at rest: 1 phone (baseline)', delays(rest.edits, 1)],
      [`${PHONES} phones open, one edit at a time`, delays(open.edits, PHONES)],
      [`the evening: ${PHONES} phones`, delays(eveningEdits, PHONES)],
    ];
    const missed = delayRows.reduce((n, [, d]) => n + /** @type {any} */ (d.expected - /** @type {any} */ (d).received), 0);
    if (missed > 0) errors.push({ what: 'realtime', detail: `${missed} deliveries of host edits never arrived` });
    if (dropped > 0) errors.push({ what: 'realtime', detail: `${dropped} phone streams closed by the server` });
    if (came !== DOOR_PEOPLE) errors.push({ what: 'door', detail: `${came} of the evening's ${DOOR_PEOPLE} scans stored` });

    console.log(
      `\nThe anniversary evening (${os.cpus().length} cores shared with other work, Node ${process.version}, ${new Date().toISOString()}):` +
        ` the demo venue plus ${DOOR_PEOPLE} people registered for the evening; its ten minutes at the doors played in ${EVENING_S} s` +
        ` (${SPEEDUP}× every rate). The phones, doors and host run in this one Node process on the same cores as PocketBase.\n`,
    );
    const p = (/** @type {number[]} */ t, /** @type {number} */ q) => (t.length ? percentile(t, q) : '');
    const row = (
      /** @type {string} */ what,
      /** @type {number[]} */ atRest,
      /** @type {number[]} */ opened,
      /** @type {number[]} */ atPeak,
      /** @type {string} */ note,
    ) => [what, p(atRest, 50), p(atRest, 99), p(opened, 50), p(opened, 99), p(atPeak, 50), p(atPeak, 99), atPeak.length, note];
    printTable(
      ['route', 'at rest p50 ms', 'p99', '150 open p50', 'p99', 'evening p50', 'p99', 'n', 'the evening'],
      [
        row('programme pull (GET events, 500 a page)', rest.pull, open.pull, peak.pull, '150 phones at once'),
        row('realtime connect + subscribe', restSubscribe, [], peak.subscribe, '150 phones at once'),
        row(
          'registration (create)',
          rest.register,
          open.register,
          peak.register,
          `${REGISTRANTS} in ${ANNOUNCE_S} s after the announcement`,
        ),
        row('host edit (PATCH event)', rest.edit, open.edit, peak.edit, `one each ${EDIT_EVERY_S} s`),
        row('door sync, 1 scan (online door)', rest.sync, open.sync, peak.sync, `2 doors, ${DOOR_PEOPLE} people`),
        ...peak.syncBatch.map(([door, n, ms]) => [
          `door sync, ${n} scans`,
          '',
          '',
          '',
          '',
          ms,
          '',
          1,
          `door ${door + 1}: queued while ${door === 1 ? 'the wifi was down or ' : ''}the last sync was slow`,
        ]),
      ],
    );
    console.log(
      '\n"At rest": one request at a time, one phone listening (20 pulls, 10 connects, 20 registrations, 8 edits, 40 scans).' +
        ' "150 open": the same with the 150 phones connected and nothing else going on.\n',
    );
    printTable(
      [
        'realtime: a host edit reaching the phones',
        'edits',
        'received',
        'from answer p50 ms',
        'p99',
        'max',
        'from sending p50 ms',
        'p99',
        'max',
      ],
      delayRows.map(([name, d]) => {
        const x = /** @type {ReturnType<typeof delays>} */ (d);
        return [
          /** @type {string} */ (name),
          x.list.length,
          `${x.received}/${x.expected}`,
          p(x.fromAnswer, 50),
          p(x.fromAnswer, 99),
          x.fromAnswer.length ? Math.max(...x.fromAnswer) : '',
          p(x.fromSent, 50),
          p(x.fromSent, 99),
          x.fromSent.length ? Math.max(...x.fromSent) : '',
        ];
      }),
    );
    console.log(
      "\nFrom answer: from the moment the host's answer was read; negative when the phones had the change before the host's own answer arrived" +
        ' (PocketBase sends both after the commit). From sending: from the moment the host sent the edit.\n',
    );
    const crossing = (/** @type {typeof ramp} */ steps) => {
      const passed = steps.find((r) => percentile(r.times, 99) > 100);
      const under = passed ? steps[steps.indexOf(passed) - 1] : steps.at(-1);
      if (passed === steps[0]) return `passes 100 ms already at the first step, ${passed.rate} scans/s`;
      return passed
        ? `passes 100 ms between ${under?.rate} and ${passed.rate} scans/s`
        : `stays under 100 ms up to ${under?.rate} scans/s (the ramp's last step)`;
    };
    printTable(
      ['door ramp: sync of 1 scan, open loop', 'asked scans/s', 'achieved', 'scans', 'p50 ms', 'p99 ms'],
      [
        ...restRamp.map((r) => [
          'at rest (baseline)',
          r.rate,
          r.achieved,
          r.times.length,
          percentile(r.times, 50),
          percentile(r.times, 99),
        ]),
        ...ramp.map((r) => [`${PHONES} phones open`, r.rate, r.achieved, r.times.length, percentile(r.times, 50), percentile(r.times, 99)]),
      ],
    );
    console.log(
      `\nThe door's p99 ${crossing(ramp)} with the ${PHONES} phones open, and ${crossing(restRamp)} at rest;` +
        ` the evening asked ${(DOOR_PEOPLE / EVENING_S).toFixed(1)} scans/s (${(DOOR_PEOPLE / 600).toFixed(1)}/s in real time).\n`,
    );
    const mib = (/** @type {number} */ from, /** @type {number} */ to) =>
      memory.samples.filter(([t]) => t >= from && t <= to).map(([, m]) => m);
    const memRows = phases.slice(0, -1).map(([name, from], i) => {
      const values = mib(from, phases[i + 1][1]);
      return [name, values.length ? values[0] : '', values.length ? Math.max(...values) : '', values.length ? (values.at(-1) ?? '') : ''];
    });
    printTable(['server memory (RSS, MiB)', 'at start', 'highest', 'at end'], memRows);
    console.log('');
    printTable(
      ['errors', 'count', 'first'],
      errors.length === 0
        ? [['none', 0, '']]
        : [...new Set(errors.map((e) => e.what))].map((what) => {
            const list = errors.filter((e) => e.what === what);
            return [what, list.length, list[0].detail];
          }),
    );
    if (errors.length > 0) process.exitCode = 1;
    console.log(
      `\nDoor 2 held up to ${longestOffline} scans while offline. Check-ins stored from the evening's two doors: ${came} of ${DOOR_PEOPLE}.`,
    );

    recordPlot({
      id: 'peak-door-ramp',
      title: 'Door sync of one scan: latency against the door rate',
      xLabel: 'scans per second asked',
      yLabel: 'ms',
      logX: true,
      series: [
        { name: 'p99 at rest (baseline)', points: restRamp.map((r) => [r.rate, percentile(r.times, 99)]) },
        { name: 'p50 at rest (baseline)', points: restRamp.map((r) => [r.rate, percentile(r.times, 50)]) },
        { name: `p99, ${PHONES} phones open`, points: ramp.map((r) => [r.rate, percentile(r.times, 99)]) },
        { name: `p50, ${PHONES} phones open`, points: ramp.map((r) => [r.rate, percentile(r.times, 50)]) },
        { name: '100 ms', points: [...restRamp, ...ramp].map((r) => [r.rate, 100]) },
      ],
    });
    const top = Math.max(...memory.samples.map(([, m]) => m));
    recordPlot({
      id: 'peak-memory',
      title: 'PocketBase memory (RSS) over the run',
      xLabel: 'seconds since the demo venue was seeded',
      yLabel: 'MiB',
      series: [
        { name: 'RSS', points: memory.samples },
        ...phases.slice(1, -1).map(([name, t]) => ({
          name: `${name} begins`,
          points: /** @type {[number, number][]} */ ([
            [t, 0],
            [t, top],
          ]),
        })),
      ],
    });
  } finally {
    memory.stop();
    streams.forEach((s) => s.close());
    clients.forEach((c) => c.close());
    await dispose();
  }
}
