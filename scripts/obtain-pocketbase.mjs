#!/usr/bin/env node
// Puts the pinned PocketBase at .pocketbase/pocketbase (git-ignored), in this order:
//   1. PB_BIN, a PocketBase binary you already have;
//   2. a build from source with Go (>= 1.25), exactly as DESIGN.md says;
//   3. the official release archive for this platform.
// Idempotent: a binary of the pinned version already in place is kept.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PB_VERSION, pocketbaseBinary } from './lib/paths.mjs';

/** @param {string} bin @returns {string | null} the version a binary reports */
function versionOf(bin) {
  const result = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  if (result.status !== 0) return null;
  const match = /(\d+\.\d+\.\d+)/.exec(result.stdout);
  return match ? match[1] : null;
}

/** @param {string} source */
function install(source) {
  fs.mkdirSync(path.dirname(pocketbaseBinary), { recursive: true });
  fs.copyFileSync(source, pocketbaseBinary);
  fs.chmodSync(pocketbaseBinary, 0o755);
}

function fromEnv() {
  const bin = process.env.PB_BIN;
  if (!bin) return 'PB_BIN is not set.';
  if (!fs.existsSync(bin)) return `PB_BIN points to ${bin}, which does not exist.`;
  const version = versionOf(bin);
  if (!version) return `PB_BIN (${bin}) does not run as PocketBase.`;
  if (version !== PB_VERSION) {
    console.warn(`Note: PB_BIN is PocketBase ${version}; Coffice is tested with ${PB_VERSION}.`);
  }
  install(bin);
  return null;
}

function fromGo() {
  const go = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (go.status !== 0) return 'Go is not installed.';
  const match = /go(\d+)\.(\d+)/.exec(go.stdout);
  if (!match || Number(match[1]) < 1 || (Number(match[1]) === 1 && Number(match[2]) < 25)) {
    return `Go 1.25 or newer is needed to build PocketBase ${PB_VERSION} (found: ${go.stdout.trim()}).`;
  }
  const gobin = fs.mkdtempSync(path.join(os.tmpdir(), 'coffice-pb-'));
  console.log(`Building PocketBase ${PB_VERSION} from source with ${go.stdout.trim()} (about a minute the first time)…`);
  const build = spawnSync(
    'go',
    [
      'install',
      '-trimpath',
      '-ldflags',
      `-s -w -X github.com/pocketbase/pocketbase.Version=${PB_VERSION}`,
      `github.com/pocketbase/pocketbase/examples/base@v${PB_VERSION}`,
    ],
    { stdio: 'inherit', env: { ...process.env, CGO_ENABLED: '0', GOBIN: gobin } },
  );
  const built = path.join(gobin, 'base');
  if (build.status !== 0 || !fs.existsSync(built)) return 'The Go build of PocketBase failed (see above).';
  install(built);
  fs.rmSync(gobin, { recursive: true, force: true });
  return null;
}

async function fromRelease() {
  /** @type {Record<string, string>} */
  const platforms = { linux: 'linux', darwin: 'darwin', win32: 'windows' };
  /** @type {Record<string, string>} */
  const arches = { x64: 'amd64', arm64: 'arm64' };
  const platform = platforms[process.platform];
  const arch = arches[process.arch];
  if (!platform || !arch) return `There is no official PocketBase archive for ${process.platform}/${process.arch}.`;
  const url = `https://github.com/pocketbase/pocketbase/releases/download/v${PB_VERSION}/pocketbase_${PB_VERSION}_${platform}_${arch}.zip`;
  console.log(`Downloading ${url} …`);
  let res;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  } catch (err) {
    return `Could not download the release archive (${/** @type {Error} */ (err).message}).`;
  }
  if (!res.ok) return `Could not download the release archive (HTTP ${res.status}).`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coffice-pb-'));
  const zip = path.join(dir, 'pocketbase.zip');
  fs.writeFileSync(zip, Buffer.from(await res.arrayBuffer()));
  const unzip = spawnSync('unzip', ['-o', zip, 'pocketbase', '-d', dir], { encoding: 'utf8' });
  if (unzip.status !== 0) return 'The archive was downloaded but could not be unpacked (is `unzip` installed?).';
  install(path.join(dir, 'pocketbase'));
  fs.rmSync(dir, { recursive: true, force: true });
  return null;
}

const HOW_TO = `Coffice needs PocketBase ${PB_VERSION} and could not obtain it. Provide it in one of three ways:
  1. Set PB_BIN to a PocketBase ${PB_VERSION} binary you already have, e.g.
       PB_BIN=/usr/local/bin/pocketbase npm start
  2. Install Go 1.25 or newer (https://go.dev/dl/ or your package manager, e.g. apt-get install golang)
     and run npm start again: it builds PocketBase from source.
  3. Allow this machine to download
       https://github.com/pocketbase/pocketbase/releases/tag/v${PB_VERSION}
     (and have \`unzip\`), or unpack that archive yourself and use way 1.`;

/** @returns {Promise<string>} the path of a ready binary */
export async function obtainPocketBase() {
  if (fs.existsSync(pocketbaseBinary) && versionOf(pocketbaseBinary) === PB_VERSION && !process.env.PB_BIN) {
    return pocketbaseBinary;
  }
  const reasons = [];
  for (const attempt of [fromEnv, fromGo, fromRelease]) {
    const failure = await attempt();
    if (failure === null) {
      console.log(`PocketBase ${versionOf(pocketbaseBinary)} is ready at ${path.relative(process.cwd(), pocketbaseBinary)}.`);
      return pocketbaseBinary;
    }
    reasons.push(failure);
  }
  const error = new Error(`${HOW_TO}\n\nWhat was tried:\n${reasons.map((r) => `  - ${r}`).join('\n')}`);
  error.name = 'PocketBaseMissing';
  throw error;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  obtainPocketBase().catch((err) => {
    console.error(`\n${err.message}\n`);
    process.exit(1);
  });
}
