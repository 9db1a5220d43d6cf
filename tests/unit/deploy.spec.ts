import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const unit = path.resolve('deploy/coffice.service');
const analyze = (...args: string[]) => spawnSync('systemd-analyze', args, { encoding: 'utf8' });

/** systemd-analyze verify exits 0 even for keys it ignores: a clean unit prints nothing at all. */
function verify(file: string) {
  const result = analyze('verify', file);
  return { status: result.status, said: `${result.stdout}${result.stderr}`.trim() };
}

describe('deploy/coffice.service', () => {
  it('passes systemd-analyze verify without a word', () => {
    expect(verify(unit)).toEqual({ status: 0, said: '' });
  });

  it('the check would see a mistake (an unknown key, a wrong value)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coffice-unit-'));
    const broken = path.join(dir, 'coffice.service');
    const text = fs.readFileSync(unit, 'utf8');
    fs.writeFileSync(
      broken,
      text.replace('ProtectSystem=strict', 'ProtectSystm=strict').replace('Restart=on-failure', 'Restart=sometimes'),
    );
    const { said } = verify(broken);
    expect(said).toContain("Unknown key 'ProtectSystm'");
    expect(said).toContain('restart specifier');
    fs.rmSync(dir, { recursive: true });
  });

  it('restarts on failure as its own user, writes only the data folder, and binds 80/443 without root', () => {
    const text = fs.readFileSync(unit, 'utf8');
    for (const line of [
      'Restart=on-failure',
      'User=coffice',
      'StateDirectory=coffice',
      'Environment=COFFICE_DATA=/var/lib/coffice',
      'ProtectSystem=strict',
      'NoNewPrivileges=true',
      'AmbientCapabilities=CAP_NET_BIND_SERVICE',
    ]) {
      expect(text.split('\n')).toContain(line);
    }
    const exec = /^ExecStart=\/usr\/bin\/node \/opt\/coffice\/(\S+)$/m.exec(text);
    expect(exec, 'ExecStart runs a script of this repository').not.toBeNull();
    expect(fs.existsSync(exec![1])).toBe(true);
  });

  it('is hardened to systemd\'s "OK" exposure level or better', () => {
    const result = analyze('security', '--offline=true', unit);
    const level = /Overall exposure level for coffice\.service: ([\d.]+)/.exec(result.stdout);
    expect(level, result.stdout + result.stderr).not.toBeNull();
    expect(Number(level![1])).toBeLessThanOrEqual(4);
  });
});
