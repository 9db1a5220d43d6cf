// The app's record types (src/lib/pocketbase/types.ts) and the schema the migrations
// build must not drift apart; settings the DESIGN requires are on.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../../scripts/lib/paths.mjs';
import { Collections } from '../../src/lib/pocketbase/types';
import { startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

/** Field names declared in one `interface XRecord` of types.ts (inherited base fields added). */
function declaredFields(interfaceName: string): string[] {
  const source = readFileSync(path.join(root, 'src/lib/pocketbase/types.ts'), 'utf8');
  const body = new RegExp(`interface ${interfaceName} extends BaseRecord \\{([^}]*)\\}`).exec(source)?.[1] ?? '';
  const own = [...body.matchAll(/^\s*(\w+)\??:/gm)].map((m) => m[1]);
  return [...new Set(['id', 'created', 'updated', ...own])].sort();
}

const INTERFACE: Record<string, string> = {
  users: 'UserRecord',
  companies: 'CompanyRecord',
  spaces: 'SpaceRecord',
  events: 'EventRecord',
  registrations: 'RegistrationRecord',
  passes: 'PassRecord',
  checkins: 'CheckinRecord',
  bookings: 'BookingRecord',
  venue: 'VenueRecord',
  notices: 'NoticeRecord',
  push_subscriptions: 'PushSubscriptionRecord',
  applications: 'ApplicationRecord',
  here_signals: 'HereSignalRecord',
};

describe('schema', () => {
  it.each(Object.values(Collections))('%s: the types name exactly the fields the migrations create', async (name) => {
    const collection = await server.admin.collections.getOne(name);
    const fields = collection.fields
      .filter((f: { name: string; hidden: boolean }) => !f.hidden)
      .map((f: { name: string }) => f.name)
      .sort();
    expect(declaredFields(INTERFACE[name])).toEqual(fields);
    expect(fields).toEqual(expect.arrayContaining(['created', 'updated']));
  });

  it('unique indexes: one registration per person and event, one pass per code', async () => {
    const registrations = await server.admin.collections.getOne('registrations');
    const passes = await server.admin.collections.getOne('passes');
    expect(registrations.indexes.join('\n')).toMatch(/UNIQUE INDEX \S+ ON registrations \(event, user\)/);
    expect(passes.indexes.join('\n')).toMatch(/UNIQUE INDEX \S+ ON passes \(code\)/);
    const notices = await server.admin.collections.getOne('notices');
    expect(notices.indexes.join('\n')).toMatch(/UNIQUE INDEX \S+ ON notices \(`key`\)/);
  });

  it('check-ins: a period’s admissions are read from one index alone (insights on a long history)', async () => {
    const checkins = await server.admin.collections.getOne('checkins');
    const byTime = checkins.indexes.filter((index: string) => / ON `?checkins`? \(`?scanned_at/.test(index));
    expect(byTime.map((index: string) => index.replace(/`/g, ''))).toEqual([
      'CREATE INDEX idx_checkins_scanned_at ON checkins (scanned_at, verdict, direction, event, holder, visitor)',
    ]);
  });

  it('settings: mail goes out as Coffice, never from PocketBase’s example.com placeholder', async () => {
    const settings = await server.admin.settings.getAll();
    expect(settings.meta).toMatchObject({ senderName: 'Coffice', senderAddress: 'noreply@coffice.test' });
  });

  it('settings: rate limiter on, batch API on, daily backups kept for two weeks', async () => {
    const settings = await server.admin.settings.getAll();
    expect(settings.rateLimits.enabled).toBe(true);
    const labels = settings.rateLimits.rules.map((r: { label: string }) => r.label);
    expect(labels).toEqual(expect.arrayContaining(['*:auth', '*:create', '/api/']));
    expect(settings.batch.enabled).toBe(true);
    expect(settings.backups.cron).toBe('0 3 * * *');
    expect(settings.backups.cronMaxKeep).toBe(14);
  });
});
