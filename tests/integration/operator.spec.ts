// The operator account `npm start` and the tests create with PocketBase's CLI. Its CLI
// exits 0 even when it fails, and a random password may start with "-": both once made
// `npm start` print logins for an operator that did not exist (CI, 1 start in 64).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import PocketBase from 'pocketbase';
import { freePort, startPocketBase, upsertSuperuser } from '../../scripts/lib/pocketbase.mjs';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coffice-operator-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('upsertSuperuser', () => {
  it('saves passwords that look like flags, and they sign in', async () => {
    const passwords = ['-hAbc123456789x', '--version-12345', '-x_9Zq-long-enough'];
    passwords.forEach((password, i) => upsertSuperuser(dataDir, `operator${i}@coffice.test`, password));
    const server = await startPocketBase({ dataDir, port: await freePort(), publicDir: dataDir });
    try {
      for (const [i, password] of passwords.entries()) {
        const pb = new PocketBase(server.url);
        const auth = await pb.collection('_superusers').authWithPassword(`operator${i}@coffice.test`, password);
        expect(auth.record.email).toBe(`operator${i}@coffice.test`);
      }
    } finally {
      await server.stop();
    }
  });

  it('throws with PocketBase’s reason when the account is refused', () => {
    expect(() => upsertSuperuser(dataDir, 'operator@coffice.test', 'short')).toThrow(/Could not create the operator account: .*at least 8/);
    expect(() => upsertSuperuser(dataDir, 'not-an-email', 'long-enough-password')).toThrow(/Could not create the operator account/);
  });
});
