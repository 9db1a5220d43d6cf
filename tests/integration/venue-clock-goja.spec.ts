// The one venue clock as PocketBase runs it: its build (pb_hooks/lib/vendor/venue-clock.js)
// required by a hook inside goja, which has no Intl and its own Date, answers the same cases
// as the app's module does in Node (tests/fixtures/venue-clock-cases.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort, startPocketBase } from '../../scripts/lib/pocketbase.mjs';
import { hooksDir } from '../../scripts/lib/paths.mjs';
import * as clock from '../../src/lib/time/venue-clock';
import { CHANGE_DAYS_INSTANTS, DAY_TABLE, INSTANT_TEXTS, STORED_TABLE } from '../fixtures/venue-clock-cases';

// only the clock and a route that asks it: no app hooks, no migrations
const HOOK = `routerAdd("POST", "/api/test/clock", (e) => {
  const clock = require(\`\${__hooks}/lib/vendor/venue-clock.js\`);
  const c = e.requestInfo().body;
  const num = (n) => (Number.isNaN(n) ? null : n);
  return e.json(200, {
    dayOfMs: c.instants.map((t) => clock.dayOf(t)),
    dayOfDate: c.instants.map((t) => clock.dayOf(new Date(t))),
    bounds: c.days.map((d) => [clock.dayStart(d), clock.dayEnd(d)]),
    shift: c.shifts.map((s) => clock.shiftDay(s[0], s[1])),
    weekday: c.days.map((d) => clock.weekdayOf(d)),
    toStored: c.instants.map((t) => clock.toStored(t)),
    fromStored: c.stored.map((s) => num(clock.fromStored(s).getTime())),
    parseInstant: c.texts.map((t) => num(clock.parseInstant(t))),
    venueInstant: c.days.map((d) => clock.venueInstant(d, 2, 30)),
  });
});
`;

let server: Awaited<ReturnType<typeof startPocketBase>>;
const temp: string[] = [];
beforeAll(async () => {
  const dir = (name: string) => {
    const made = fs.mkdtempSync(path.join(os.tmpdir(), `coffice-clock-${name}-`));
    temp.push(made);
    return made;
  };
  const hooks = dir('hooks');
  fs.mkdirSync(path.join(hooks, 'lib/vendor'), { recursive: true });
  fs.copyFileSync(path.join(hooksDir, 'lib/vendor/venue-clock.js'), path.join(hooks, 'lib/vendor/venue-clock.js'));
  fs.copyFileSync(path.join(hooksDir, 'lib/package.json'), path.join(hooks, 'lib/package.json'));
  fs.writeFileSync(path.join(hooks, 'clock.pb.js'), HOOK);
  const dataDir = dir('data');
  server = await startPocketBase({
    dataDir,
    publicDir: dataDir,
    port: await freePort(),
    hooksDir: hooks,
    migrationsDir: dir('migrations'),
  });
});
afterAll(async () => {
  await server?.stop();
  temp.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

it('goja computes every venue day, bound, shift, weekday and stored date the app computes', async () => {
  const instants = [...DAY_TABLE.dayOf.map(([iso]) => Date.parse(iso)), ...CHANGE_DAYS_INSTANTS];
  const days = [
    ...new Set([...DAY_TABLE.bounds.map(([day]) => day), ...DAY_TABLE.weekday.map(([day]) => day), ...instants.map((t) => clock.dayOf(t))]),
  ];
  const stored = [...STORED_TABLE.map(([, s]) => s), ...STORED_TABLE.map(([iso]) => iso), '', 'soon'];
  const texts = INSTANT_TEXTS.map(([text]) => text);
  const shifts = DAY_TABLE.shift.map(([day, n]) => [day, n] as const);
  const res = await fetch(`${server.url}/api/test/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ instants, days, shifts, stored, texts }),
  });
  expect(res.status, server.log()).toBe(200);
  const num = (n: number) => (Number.isNaN(n) ? null : n);
  expect(await res.json()).toEqual({
    dayOfMs: instants.map((t) => clock.dayOf(t)),
    dayOfDate: instants.map((t) => clock.dayOf(t)),
    bounds: days.map((d) => [clock.dayStart(d), clock.dayEnd(d)]),
    shift: shifts.map(([d, n]) => clock.shiftDay(d, n)),
    weekday: days.map((d) => clock.weekdayOf(d)),
    toStored: instants.map((t) => clock.toStored(t)),
    fromStored: stored.map((s) => num(clock.fromStored(s).getTime())),
    parseInstant: texts.map((t) => num(clock.parseInstant(t))),
    venueInstant: days.map((d) => clock.venueInstant(d, 2, 30)),
  });
  // and the app's answers are the tables' (venue-clock.spec.ts checks them against the tz database)
  expect(DAY_TABLE.dayOf.map(([iso]) => clock.dayOf(Date.parse(iso)))).toEqual(DAY_TABLE.dayOf.map(([, day]) => day));
});
