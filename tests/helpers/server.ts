// A real PocketBase for a test file: its own temp data folder and free port, the app's
// migrations and hooks, an operator client for arranging data. Never the demo seed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PocketBase from 'pocketbase';
import { freePort, startPocketBase, upsertSuperuser } from '../../scripts/lib/pocketbase.mjs';
import type { Role, TypedPocketBase, UserRecord } from '../../src/lib/pocketbase/types';
import { toStored } from '../../src/lib/time/venue-clock';

export const OPERATOR = { email: 'operator@coffice.test', password: 'operator-password-1' };
export const PASSWORD = 'a-long-test-password';

export interface TestServer {
  url: string;
  /** the PocketBase process's id (its memory is in /proc/<pid>/status) */
  pid: number;
  dataDir: string;
  /** signed in as an operator (superuser): for arranging data only */
  admin: TypedPocketBase;
  /** a fresh anonymous client */
  client(): TypedPocketBase;
  /** creates a person with this role and returns a client signed in as them */
  person(role: Role, name?: string): Promise<{ pb: TypedPocketBase; user: UserRecord }>;
  log(): string;
  stop(signal?: NodeJS.Signals): Promise<unknown>;
}

let counter = 0;

export async function startTestServer(
  options: { publicDir?: string; dataDir?: string; /** a copy of pb_hooks with test-only routes */ hooksDir?: string } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'coffice-test-'));
  upsertSuperuser(dataDir, OPERATOR.email, OPERATOR.password, { hooksDir: options.hooksDir });
  const server = await startPocketBase({
    dataDir,
    port: await freePort(),
    publicDir: options.publicDir ?? dataDir,
    hooksDir: options.hooksDir,
  });
  const client = () => {
    const pb = new PocketBase(server.url) as TypedPocketBase;
    pb.autoCancellation(false);
    return pb;
  };
  const admin = client();
  await admin.collection('_superusers').authWithPassword(OPERATOR.email, OPERATOR.password);

  return {
    url: server.url,
    pid: server.child.pid as number,
    dataDir,
    admin,
    client,
    log: server.log,
    async person(role, name) {
      const email = `${role}-${++counter}-${Date.now()}@coffice.test`;
      await admin.collection('users').create({
        email,
        password: PASSWORD,
        passwordConfirm: PASSWORD,
        name: name ?? `${role} ${counter}`,
        role,
      });
      const pb = client();
      await pb.collection('users').authWithPassword(email, PASSWORD);
      return { pb, user: pb.authStore.record as unknown as UserRecord };
    },
    async stop(signal) {
      const code = await server.stop(signal);
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}

/** A PocketBase date string `minutes` from now. */
export function minutesFromNow(minutes: number): string {
  return toStored(Date.now() + minutes * 60_000);
}

/** Arranges a published event (as the operator). */
export async function createEvent(admin: TypedPocketBase, fields: Record<string, unknown> = {}) {
  return admin.collection('events').create({
    title: 'Frukostmöte',
    kind: 'breakfast',
    starts: minutesFromNow(60),
    ends: minutesFromNow(120),
    capacity: 0,
    status: 'published',
    ...fields,
  });
}

/** Many people at once, each with a signed-in client (impersonated by the operator, so
 * the sign-in rate limit of one test address is not the thing under test). */
export async function crowd(server: TestServer, count: number, role: Role = 'guest') {
  const emails = Array.from({ length: count }, (_, i) => `crowd-${i}-${Date.now()}@coffice.test`);
  const users: UserRecord[] = [];
  for (let i = 0; i < count; i += 10) {
    const send = () => {
      const batch = server.admin.createBatch();
      for (const email of emails.slice(i, i + 10)) {
        batch.collection('users').create({ email, name: email, role, password: PASSWORD, passwordConfirm: PASSWORD });
      }
      return batch.send();
    };
    // ten password hashes can outlast the batch API's 5 s on a busy machine: the batch is then
    // rolled back whole ("Batch transaction failed", nothing stored), so sending it again is safe
    let results: Awaited<ReturnType<typeof send>> | null = null;
    for (let attempt = 1; !results; attempt++) {
      results = await send().catch((error: { status?: number; response?: { data?: object } }) => {
        const rolledBack = error.status === 400 && Object.keys(error.response?.data ?? {}).length === 0;
        if (!rolledBack || attempt === 3) throw error;
        return null;
      });
    }
    for (const result of results) users.push(result.body as UserRecord);
  }
  return Promise.all(
    users.map(async (user) => {
      const pb = (await server.admin.collection('users').impersonate(user.id, 3600)) as TypedPocketBase;
      pb.autoCancellation(false);
      return { pb, user };
    }),
  );
}
