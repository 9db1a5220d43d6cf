// Issue #12, as a new visitor meets a fresh install: `npm start` on an empty folder (demo
// venue, no mail server), a talk from its programme, sign-up by the one-time code that
// `npm start` prints, and the talk's pass in at most 4 taps after the code is asked for.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../scripts/lib/pocketbase.mjs';
import { root } from '../../scripts/lib/paths.mjs';
import { buildIsStale } from '../../scripts/lib/build.mjs';
import { expect, test } from './world';

let child: ChildProcess | undefined;
let output = '';
let url = '';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coffice-first-visit-'));

test.beforeAll(async () => {
  test.setTimeout(240_000);
  // npm start would rebuild a stale build/ under the other tests' feet (npm test builds first)
  expect(buildIsStale(), 'build/ is older than the sources: run `npm run build` first').toBe(false);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), COFFICE_DATA: dataDir };
  delete env.COFFICE_SMTP_HOST;
  child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: root, env });
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  await expect.poll(() => output.includes('Stop with Ctrl+C.') || child?.exitCode !== null, { timeout: 220_000 }).toBe(true);
  expect(output).toContain('Mail (one-time codes, password resets) is printed here');
  url = `http://127.0.0.1:${port}`;
});

test.afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child!.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The one-time code `npm start` printed for this address. */
function printedCode(email: string): string | undefined {
  const at = output.lastIndexOf(`Mail to ${email}:`);
  return at < 0 ? undefined : /\b(\d{6})\b/.exec(output.slice(at))?.[1];
}

test('a new visitor signs up by the code npm start prints and reaches a talk’s pass in 4 taps', async ({ page }) => {
  test.setTimeout(90_000);
  // a talk ahead in the demo programme with a place left
  const answer = await fetch(
    `${url}/api/collections/events/records?perPage=50&sort=starts&filter=${encodeURIComponent("kind = 'talk' && status = 'published' && starts > @now")}`,
  );
  const talks = (await answer.json()).items as { id: string; title: string; capacity: number; taken: number }[];
  const talk = talks.find((t) => t.capacity === 0 || t.taken < t.capacity);
  expect(talk, 'the demo venue has a talk ahead with a place').toBeTruthy();
  const email = `ny-besokare-${Date.now()}@example.se`;
  let taps = 0;
  const tap = async (target: ReturnType<typeof page.getByRole>) => {
    taps += 1;
    await target.click();
  };

  await page.goto(`${url}/events/${talk!.id}`);
  await expect(page.getByRole('heading', { level: 1, name: talk!.title })).toBeVisible();
  await tap(page.getByRole('link', { name: 'Anmäl mig' })); // 1
  await page.getByLabel('Namn (om du är ny här)').fill('Nils Nyfiken');
  await page.getByLabel('E-post').fill(email);
  await tap(page.getByRole('button', { name: 'Skicka kod' })); // 2
  await expect.poll(() => printedCode(email), { timeout: 20_000 }).toMatch(/^\d{6}$/);
  await page.getByLabel('Kod från mejlet').fill(printedCode(email)!);
  await tap(page.getByRole('button', { name: 'Använd koden' })); // 3
  await expect(page.getByTestId('registration-state')).toHaveAttribute('data-state', 'confirmed');
  await tap(page.getByRole('link', { name: 'Visa passerkortet' })); // 4
  await expect(page.locator('[data-qr]')).toBeVisible();
  await expect(page.getByTestId('pass-holder')).toHaveText('Nils Nyfiken');
  expect(taps).toBeLessThanOrEqual(4);
});
