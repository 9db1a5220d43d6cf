// Dates that come in through the door's routes are real dates of this era: a day the calendar
// does not have (30 February) or a clock at year 1 is refused with a 400, or an "invalid"
// upload result, that names the field, never a generic error and never the server's own
// error text.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TypedPocketBase } from '../../src/lib/pocketbase/types';
import { startTestServer, type TestServer } from '../helpers/server';
import { call, member, newId, strayCode } from './door-fixtures';

let server: TestServer;
let host: TypedPocketBase;
beforeAll(async () => {
  server = await startTestServer();
  host = (await server.person('host', 'Maja Lindqvist')).pb;
});
afterAll(() => server?.stop());

const NOT_A_DATE = (field: string) => `"${field}" must be a date and time like 2026-11-30T07:10:00.000Z.`;
const TOO_EARLY = (field: string) => `"${field}" is before 2020; check the device’s clock.`;
/** Times no calendar or clock has, each of an otherwise good shape. */
const IMPOSSIBLE = [
  '2026-02-30 10:00:00.000Z',
  '2025-02-29T10:00:00Z',
  '2026-04-31T10:00:00.000Z',
  '2026-13-01T10:00:00Z',
  '2026-00-10T10:00:00Z',
  '2026-01-00T10:00:00Z',
  '2026-01-10T24:00:00Z',
  '2026-01-10T23:60:00Z',
  '2026-01-10T23:59:60Z',
  '2026-01-10T10:00:00+24:00',
];
const TOO_OLD = ['0001-01-01 00:00:00.000Z', '1970-01-01T00:00:00Z', '2019-12-31T23:59:59.999Z'];

describe('scanned_at', () => {
  it('of the scan route: an impossible date or one before 2020 is a 400 naming it; 29 February of a leap year is a day', async () => {
    const { code } = await member(server);
    for (const at of IMPOSSIBLE) {
      expect(await call(host, '/api/coffice/scan', 'POST', { code, scanned_at: at }), at).toMatchObject({
        status: 400,
        message: NOT_A_DATE('scanned_at'),
      });
    }
    for (const at of TOO_OLD) {
      expect(await call(host, '/api/coffice/scan', 'POST', { code, scanned_at: at }), at).toMatchObject({
        status: 400,
        message: TOO_EARLY('scanned_at'),
      });
    }
    for (const at of ['2024-02-29T10:00:00Z', '2020-01-01T00:00:00.000Z', '2026-01-10T10:00:00+01:00']) {
      expect((await call(host, '/api/coffice/scan', 'POST', { code, scanned_at: at })).status, at).toBe(200);
    }
    expect(await server.admin.collection('checkins').getList(1, 1, { filter: `scanned_at < "2020-01-01 00:00:00.000Z"` })).toMatchObject({
      totalItems: 0,
    });
  });

  it('of a walk-in: the same', async () => {
    const walkIn = (scanned_at: string) => call(host, '/api/coffice/walk-in', 'POST', { id: newId(), name: 'Tidig Tilda', scanned_at });
    expect(await walkIn('2026-02-30 10:00:00.000Z')).toMatchObject({ status: 400, message: NOT_A_DATE('scanned_at') });
    expect(await walkIn('0001-01-01 00:00:00.000Z')).toMatchObject({ status: 400, message: TOO_EARLY('scanned_at') });
    expect(await server.admin.collection('users').getList(1, 1, { filter: 'name = "Tidig Tilda"' })).toMatchObject({ totalItems: 0 });
  });

  it('of an upload: each bad date is an invalid result naming the item, never the server’s error text; the good scans are stored', async () => {
    const good = () => ({
      id: newId(),
      code: strayCode(),
      direction: 'in',
      scanned_at: new Date(Date.now() - 60_000).toISOString(),
      device: 'door-1',
      verdict: 'unknown',
    });
    const scans = [
      good(),
      ...TOO_OLD.map((at) => ({ ...good(), scanned_at: at })),
      ...IMPOSSIBLE.map((at) => ({ ...good(), scanned_at: at })),
      good(),
    ];
    const answer = await call<{ results: { id: string; status: string; message?: string }[] }>(host, '/api/coffice/sync', 'POST', {
      scans,
    });
    expect(answer.status).toBe(200);
    const results = answer.body.results;
    expect(results.map((r) => r.status)).toEqual(scans.map((_, i) => (i === 0 || i === scans.length - 1 ? 'stored' : 'invalid')));
    TOO_OLD.forEach((_, i) => expect(results[1 + i].message).toBe(TOO_EARLY(`scans[${1 + i}].scanned_at`)));
    IMPOSSIBLE.forEach((_, i) =>
      expect(results[1 + TOO_OLD.length + i].message).toBe(NOT_A_DATE(`scans[${1 + TOO_OLD.length + i}].scanned_at`)),
    );
    expect(JSON.stringify(results)).not.toMatch(/GoError|cannot be blank/);
    const stored = await server.admin.collection('checkins').getList(1, 50, { filter: scans.map((s) => `id = "${s.id}"`).join(' || ') });
    expect(stored.items.map((c) => c.id).sort()).toEqual([scans[0].id, scans[scans.length - 1].id].sort());
  });
});

describe('the door list’s window', () => {
  it('refuses a day the calendar does not have in "from" or "to", naming it', async () => {
    const doorList = (query: string) => call(host, `/api/coffice/door-list${query}`, 'GET');
    expect(await doorList('?from=2026-02-30T00:00:00.000Z&to=2026-03-01T00:00:00.000Z')).toMatchObject({
      status: 400,
      message: '"from" must be a date and time like 2026-11-30T00:00:00.000Z.',
    });
    expect(await doorList('?from=2026-02-27T00:00:00.000Z&to=2026-02-29T23:59:59.999Z')).toMatchObject({
      status: 400,
      message: '"to" must be a date and time like 2026-11-30T23:59:59.999Z.',
    });
    expect((await doorList('?from=2028-02-29T00:00:00.000Z&to=2028-02-29T23:59:59.999Z')).status).toBe(200);
  });
});

describe('a scan of an upload that cannot be stored', () => {
  it('is answered with a fixed message, never the error’s own text, and the rest of the upload is stored', () => {
    // PocketBase's own refusals reach a hook as "GoError: <field>: <reason>": made to happen
    // here with a stand-in for the app whose save refuses one scan
    const require = createRequire(import.meta.url);
    Object.assign(globalThis, {
      __hooks: fileURLToPath(new URL('../../pb_hooks', import.meta.url)),
      // the plain SQL lookups (lib/door-scans.js) find nothing here
      arrayOf: () => [],
      DynamicModel: class {},
      $dbx: { exp: () => ({}) },
      Record: class {
        values: Record<string, unknown> = {};
        set(key: string, value: unknown) {
          this.values[key] = value;
        }
        load(values: Record<string, unknown>) {
          Object.assign(this.values, values);
        }
        getString(key: string) {
          return String(this.values[key] ?? '');
        }
        getBool(key: string) {
          return !!this.values[key];
        }
        get id() {
          return String(this.values.id);
        }
      },
    });
    const { syncScans } = require('../../pb_hooks/lib/door-sync.js');
    const saved: string[] = [];
    const logged: unknown[][] = [];
    const refused = newId();
    const notFound = () => {
      throw new Error('sql: no rows in result set');
    };
    const app = {
      runInTransaction: (fn: (tx: unknown) => void) => fn(app),
      findRecordById: notFound,
      findFirstRecordByFilter: notFound,
      findRecordsByFilter: () => [],
      findAllRecords: () => [],
      db: () => ({ newQuery: () => ({ bind: () => ({ all: () => undefined }) }) }),
      findCollectionByNameOrId: () => ({}),
      save: (record: { id: string }) => {
        if (record.id === refused) throw new Error('GoError: scanned_at: cannot be blank.');
        saved.push(record.id);
      },
      saveNoValidate: (record: { id: string }) => app.save(record),
      findCachedCollectionByNameOrId: () => ({}),
      logger: () => ({ error: (...args: unknown[]) => logged.push(args) }),
      store: () => ({ get: () => undefined }), // no open "here today" page remembered
    };
    const scan = (id: string) => ({
      id,
      code: strayCode(),
      direction: 'in',
      scanned_at: new Date().toISOString(),
      device: 'door-1',
      verdict: 'unknown',
    });
    const ok = newId();
    const { results } = syncScans(app, { scans: [scan(refused), scan(ok)] });
    expect(results).toEqual([
      {
        id: refused,
        status: 'invalid',
        verdict: '',
        conflict: false,
        message: '"scans[0]" could not be stored; the server’s log has the reason.',
      },
      { id: ok, status: 'stored', verdict: 'unknown', conflict: false },
    ]);
    expect(saved).toEqual([ok]);
    // the operator still learns why, in the server's log
    expect(JSON.stringify(logged)).toContain('cannot be blank');
  });
});
