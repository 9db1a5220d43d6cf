// PocketBase killed (SIGKILL) while a door uploads 500 offline scans; a new PocketBase on
// the same data folder; the door resends everything → exactly 500 check-ins, none twice.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { TypedPocketBase } from '../../src/lib/pocketbase/types';
import { crowd, startTestServer, type TestServer } from '../helpers/server';
import { call, newId } from './door-fixtures';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coffice-door-crash-'));
const servers: TestServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

type Result = { id: string; status: string };
const BATCH = 50;

/** The door's outbox drain: batches in order, stopping at the first failure. */
async function upload(pb: TypedPocketBase, scans: object[]) {
  const results: Result[] = [];
  for (let i = 0; i < scans.length; i += BATCH) {
    const answer = await call<{ results: Result[] }>(pb, '/api/coffice/sync', 'POST', { scans: scans.slice(i, i + BATCH) });
    if (answer.status !== 200) return { finished: false, results };
    results.push(...answer.body.results);
  }
  return { finished: true, results };
}

async function storedCount(server: TestServer) {
  return (await server.admin.collection('checkins').getList(1, 1, { filter: 'device = "crash-door"' })).totalItems;
}

it('kill -9 during a sync of 500 scans, restart, resend all: 500 stored, none twice', async () => {
  const first = await startTestServer({ dataDir });
  servers.push(first);
  const host = await first.person('host');
  // 100 members, each in and out at the front door and in at 5 moments of the morning
  const members = await crowd(first, 100, 'member');
  const passes = await first.admin.collection('passes').getFullList({ filter: 'kind = "member"' });
  const codeOf = new Map(passes.map((p) => [p.holder as string, p.code as string]));
  const morning = Date.now() - 4 * 3600_000;
  const scans = members.flatMap(({ user }, m) =>
    ['in', 'out', 'in', 'out', 'in'].map((direction, k) => ({
      id: newId(),
      code: codeOf.get(user.id),
      direction,
      scanned_at: new Date(morning + k * 30 * 60_000 + m * 1000).toISOString(),
      device: 'crash-door',
      verdict: 'admitted',
    })),
  );
  expect(scans).toHaveLength(500);

  // start the upload, and kill the server the moment some of it has been stored
  const attempt = upload(host.pb, scans);
  while ((await storedCount(first)) < 100) {
    // keep looking until the server has committed at least two batches
  }
  await first.stop('SIGKILL');
  servers.splice(servers.indexOf(first), 1); // gone: nothing left to stop
  const interrupted = await attempt;
  expect(interrupted.finished).toBe(false);
  const storedBefore = interrupted.results.filter((r) => r.status === 'stored').length;
  expect(storedBefore).toBeLessThan(500);

  const second = await startTestServer({ dataDir });
  servers.push(second);
  const resumed = second.client();
  resumed.authStore.save(host.pb.authStore.token, host.pb.authStore.record);
  const retry = await upload(resumed, scans);
  expect(retry.finished).toBe(true);
  const statuses = retry.results.map((r) => r.status);
  expect(statuses.filter((s) => s === 'invalid')).toEqual([]);
  // everything acknowledged before the kill is known now; the rest is stored now
  expect(statuses.filter((s) => s === 'known').length).toBeGreaterThanOrEqual(storedBefore);
  expect(await storedCount(second)).toBe(500);
  const all = await second.admin.collection('checkins').getFullList({ filter: 'device = "crash-door"', fields: 'id,conflict' });
  expect(new Set(all.map((c) => c.id)).size).toBe(500);
  expect(all.filter((c) => c.conflict)).toEqual([]);
  // and a third upload of the same 500 changes nothing
  const again = await upload(resumed, scans);
  expect(again.results.every((r) => r.status === 'known')).toBe(true);
  expect(await storedCount(second)).toBe(500);
});
