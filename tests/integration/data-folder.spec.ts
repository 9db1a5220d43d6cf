// A data folder that belongs to another app, or to a newer Coffice, is refused with a
// message and left untouched.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import PocketBase from 'pocketbase';
import { freePort, startPocketBase, upsertSuperuser } from '../../scripts/lib/pocketbase.mjs';
import { migrationsDir } from '../../scripts/lib/paths.mjs';
import { OPERATOR } from '../helpers/server';

const temp: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coffice-folder-'));
  temp.push(dir);
  return dir;
};
afterEach(() => temp.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** Runs PocketBase with other hooks/migrations, lets `work` change the data, stops. */
async function prepare(dataDir: string, folders: { hooksDir: string; migrationsDir: string }, work?: (pb: PocketBase) => Promise<void>) {
  upsertSuperuser(dataDir, OPERATOR.email, OPERATOR.password, folders);
  const server = await startPocketBase({ dataDir, port: await freePort(), publicDir: dataDir, ...folders });
  const pb = new PocketBase(server.url);
  await pb.collection('_superusers').authWithPassword(OPERATOR.email, OPERATOR.password);
  await work?.(pb);
  await server.stop();
}

async function startCoffice(dataDir: string): Promise<string> {
  try {
    const server = await startPocketBase({ dataDir, port: await freePort(), publicDir: dataDir });
    await server.stop();
    return 'started';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('the data folder guard', () => {
  it("refuses another app's data folder and changes nothing in it", async () => {
    const dataDir = tempDir();
    const other = { hooksDir: tempDir(), migrationsDir: tempDir() };
    await prepare(dataDir, other, async (pb) => {
      await pb.collections.create({ name: 'invoices', type: 'base', fields: [{ name: 'total', type: 'number' }] });
    });
    const before = fs.statSync(path.join(dataDir, 'data.db')).size;

    expect(await startCoffice(dataDir)).toContain('belongs to another app (collections: invoices)');

    await prepare(dataDir, other, async (pb) => {
      const names = (await pb.collections.getFullList()).map((c) => c.name);
      expect(names).toContain('invoices');
      expect(names).not.toContain('events');
    });
    expect(fs.statSync(path.join(dataDir, 'data.db')).size).toBe(before);
  });

  it('refuses a folder from a newer Coffice (a migration this code does not have)', async () => {
    const dataDir = tempDir();
    const newer = tempDir();
    for (const file of fs.readdirSync(migrationsDir)) fs.copyFileSync(path.join(migrationsDir, file), path.join(newer, file));
    fs.writeFileSync(path.join(newer, '1999999999_from_the_future.js'), 'migrate((app) => {}, (app) => {});\n');
    await prepare(dataDir, { hooksDir: tempDir(), migrationsDir: newer });

    const answer = await startCoffice(dataDir);
    expect(answer).toContain('newer or different schema (1999999999_from_the_future.js)');
  });

  it('starts on an empty folder and again on its own folder', async () => {
    const dataDir = tempDir();
    expect(await startCoffice(dataDir)).toBe('started');
    expect(await startCoffice(dataDir)).toBe('started');
  });
});
