// `npm start` as a person runs it: first start seeds the demo venue into an empty
// folder, a second start keeps the data and is up at once; a busy port and a missing
// PocketBase are explained.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import PocketBase from 'pocketbase';
import { freePort } from '../../scripts/lib/pocketbase.mjs';
import { root } from '../../scripts/lib/paths.mjs';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coffice-start-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

interface Run {
  output: string;
  code: number | null;
  stop(): Promise<void>;
}

/** Runs `node scripts/start.mjs` until it says it is running, or exits. */
function start(env: Record<string, string | undefined>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: root, env: { ...process.env, ...env } });
    let output = '';
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    const run: Run = {
      get output() {
        return output;
      },
      get code() {
        return child.exitCode;
      },
      stop: async () => {
        if (child.exitCode === null) child.kill('SIGTERM');
        await exited;
      },
    };
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('Stop with Ctrl+C.')) resolve(run);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', () => resolve(run));
  });
}

async function operatorClient(url: string, folder = dataDir) {
  const operator = JSON.parse(fs.readFileSync(path.join(folder, 'coffice-operator.json'), 'utf8'));
  const pb = new PocketBase(url);
  await pb.collection('_superusers').authWithPassword(operator.email, operator.password);
  return pb;
}

const count = (pb: PocketBase, collection: string, filter = '') =>
  pb
    .collection(collection)
    .getList(1, 1, { filter })
    .then((r) => r.totalItems);

describe('npm start', () => {
  let port = 0;
  let firstCounts: number[] = [];

  it('seeds the demo venue into an empty folder and prints the logins', async () => {
    port = await freePort();
    const run = await start({ PORT: String(port), COFFICE_DATA: dataDir });
    try {
      expect(run.output).toContain(`Coffice is running at http://127.0.0.1:${port}`);
      expect(run.output).toMatch(/host\s+host@coffice\.test/);
      expect(run.output).toMatch(/guest\s+guest@coffice\.test/);
      const pb = await operatorClient(`http://127.0.0.1:${port}`);
      expect(await count(pb, 'spaces', "kind = 'meeting_room'")).toBe(2);
      expect(await count(pb, 'spaces', "kind = 'event_area'")).toBe(1);
      expect(await count(pb, 'spaces', "kind = 'open_area'")).toBe(1);
      expect(await count(pb, 'companies')).toBe(30);
      expect(await count(pb, 'companies', "seat = 'fixed'")).toBe(3);
      expect(await count(pb, 'users', "role = 'host'")).toBeGreaterThanOrEqual(1);
      expect(await count(pb, 'users', "role = 'member'")).toBeGreaterThanOrEqual(5);
      expect(await count(pb, 'users', "role = 'guest'")).toBeGreaterThanOrEqual(5);
      const events = await count(pb, 'events');
      expect(events).toBeGreaterThanOrEqual(90);
      expect(events).toBeLessThanOrEqual(110);
      expect(await count(pb, 'events', 'starts < @now')).toBeGreaterThan(20);
      expect(await count(pb, 'events', 'starts > @now')).toBeGreaterThan(20);
      expect(await count(pb, 'events', "title ~ 'Jubileumsveckan'")).toBeGreaterThanOrEqual(10);
      expect(await count(pb, 'registrations')).toBeGreaterThan(300);
      expect(await count(pb, 'checkins', "event != ''")).toBeGreaterThan(200);
      expect(await count(pb, 'bookings', 'ends > @now')).toBeGreaterThan(20);
      expect(await count(pb, 'checkins', "event = ''")).toBeGreaterThan(100);
      // the programme is readable without signing in
      const programme = await fetch(`http://127.0.0.1:${port}/api/collections/events/records?filter=(starts>@now)`);
      expect((await programme.json()).totalItems).toBeGreaterThan(20);
      firstCounts = await Promise.all(['users', 'events', 'registrations', 'checkins'].map((c) => count(pb, c)));
    } finally {
      await run.stop();
    }
  }, 120_000);

  it('a second start keeps the data and adds nothing', async () => {
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'coffice-demo-seed.json'), 'utf8')).finished).toBe(true);
    const run = await start({ PORT: String(port), COFFICE_DATA: dataDir });
    try {
      expect(run.output).toContain('Coffice is running');
      expect(run.output).not.toContain('Adding the demo venue');
      expect(run.output).not.toContain('Finishing the demo venue');
      const pb = await operatorClient(`http://127.0.0.1:${port}`);
      const counts = await Promise.all(['users', 'events', 'registrations', 'checkins'].map((c) => count(pb, c)));
      expect(counts).toEqual(firstCounts);
    } finally {
      await run.stop();
    }
  });

  it('finishes a demo venue an earlier start left unfinished, adding nothing twice', async () => {
    const markFile = path.join(dataDir, 'coffice-demo-seed.json');
    const mark = JSON.parse(fs.readFileSync(markFile, 'utf8'));
    fs.writeFileSync(markFile, JSON.stringify({ ...mark, finished: false }));
    const run = await start({ PORT: String(port), COFFICE_DATA: dataDir });
    try {
      expect(run.output).toContain('Finishing the demo venue');
      expect(run.output).not.toContain('only partly made');
      const pb = await operatorClient(`http://127.0.0.1:${port}`);
      const counts = await Promise.all(['users', 'events', 'registrations', 'checkins'].map((c) => count(pb, c)));
      expect(counts).toEqual(firstCounts);
      expect(JSON.parse(fs.readFileSync(markFile, 'utf8')).finished).toBe(true);
    } finally {
      await run.stop();
    }
  }, 120_000);

  it('without a mail server, prints the one-time code mail and says so', async () => {
    const mailPort = await freePort();
    const run = await start({ PORT: String(mailPort), COFFICE_DATA: dataDir, COFFICE_SMTP_HOST: undefined });
    try {
      expect(run.output).toContain('Mail (one-time codes, password resets) is printed here');
      const res = await fetch(`http://127.0.0.1:${mailPort}/api/collections/users/request-otp`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'guest@coffice.test' }),
      });
      expect(res.status).toBe(200);
      await expect.poll(() => run.output, { timeout: 15_000 }).toMatch(/Mail to guest@coffice\.test[^\n]*\n[\s\S]*\b\d{6,8}\b/);
    } finally {
      await run.stop();
    }
  });

  it('stopped while it makes the demo venue, stops PocketBase too and leaves the venue marked unfinished', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'coffice-start-stop-'));
    const stopPort = await freePort();
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: root,
      env: { ...process.env, PORT: String(stopPort), COFFICE_DATA: folder },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise((r) => child.once('exit', r));
    try {
      await expect.poll(() => output, { timeout: 60_000 }).toContain('Adding the demo venue');
      child.kill('SIGTERM');
      await exited;
      // nothing answers on the port any more: PocketBase went with it
      await expect(fetch(`http://127.0.0.1:${stopPort}/api/health`)).rejects.toThrow();
      expect(JSON.parse(fs.readFileSync(path.join(folder, 'coffice-demo-seed.json'), 'utf8')).finished).toBe(false);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('heals a folder whose operator an earlier start never got saved, and seeds it', async () => {
    // what an older version left when PocketBase took a password starting with "-" for a flag
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'coffice-start-heal-'));
    fs.writeFileSync(
      path.join(folder, 'coffice-operator.json'),
      JSON.stringify({ email: 'operator@coffice.test', password: '-hXk2_unsaved9' }),
    );
    const healPort = await freePort();
    const run = await start({ PORT: String(healPort), COFFICE_DATA: folder });
    try {
      expect(run.output).toContain('Coffice is running');
      expect(run.output).not.toContain('Demo data could not be added');
      const pb = await operatorClient(`http://127.0.0.1:${healPort}`, folder);
      expect(await count(pb, 'companies')).toBe(30);
    } finally {
      await run.stop();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);

  it('explains a port already in use', async () => {
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const busy = (blocker.address() as net.AddressInfo).port;
    const run = await start({ PORT: String(busy), COFFICE_DATA: dataDir });
    blocker.close();
    expect(run.code).toBe(1);
    expect(run.output).toContain(`Port ${busy} on 127.0.0.1 is already in use`);
  });

  it('refuses a PORT that is not a port', async () => {
    const run = await start({ PORT: 'eighty', COFFICE_DATA: dataDir });
    expect(run.code).toBe(1);
    expect(run.output).toContain('PORT must be a number from 1 to 65535 (got "eighty")');
  });

  it('without PocketBase, Go or network, says the three ways to provide it', async () => {
    const run = await start({
      PORT: String(await freePort()),
      COFFICE_DATA: dataDir,
      COFFICE_POCKETBASE: path.join(dataDir, 'missing', 'pocketbase'),
      PB_BIN: undefined,
      PATH: '/usr/bin:/bin',
    });
    expect(run.code).toBe(1);
    expect(run.output).toContain('Set PB_BIN');
    expect(run.output).toContain('Install Go 1.25 or newer');
    expect(run.output).toContain('Allow this machine to download');
  });
});
