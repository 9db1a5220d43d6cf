import { describe, expect, it } from 'vitest';
import { servePlan } from '../../scripts/lib/serve-plan.mjs';

const plainHttpWarning = /plain HTTP.*camera.*HTTPS/s;

describe('npm start: how it serves', () => {
  it('serves this machine only on 127.0.0.1:8090 by default, without warnings', () => {
    expect(servePlan({})).toEqual({
      https: false,
      domain: null,
      host: '127.0.0.1',
      port: 8090,
      serveArgs: ['--http=127.0.0.1:8090'],
      appUrl: 'http://127.0.0.1:8090',
      localUrl: 'http://127.0.0.1:8090',
      warnings: [],
    });
  });

  it.each([
    [{ HOST: '127.0.0.5', PORT: '9000' }, '--http=127.0.0.5:9000', 'http://127.0.0.5:9000'],
    [{ HOST: 'localhost' }, '--http=localhost:8090', 'http://localhost:8090'],
    [{ HOST: '::1' }, '--http=::1:8090', 'http://[::1]:8090'],
  ])('a loopback address %o is served plainly and without warnings', (env, arg, url) => {
    const plan = servePlan(env);
    expect(plan.serveArgs).toEqual([arg]);
    expect(plan.localUrl).toBe(url);
    expect(plan.warnings).toEqual([]);
  });

  it.each([
    [{ HOST: '0.0.0.0' }],
    [{ HOST: '192.168.1.20', PORT: '8080' }],
    [{ HOST: '0.0.0.0', COFFICE_APP_URL: 'http://192.168.1.20:8090' }],
  ])('plain HTTP other devices can reach (%o) warns that cameras and installing will not work', (env) => {
    const plan = servePlan(env);
    expect(plan.https).toBe(false);
    expect(plan.warnings).toHaveLength(1);
    expect(plan.warnings[0]).toMatch(plainHttpWarning);
    expect(plan.warnings[0]).toContain('COFFICE_DOMAIN');
  });

  it('plain HTTP behind an HTTPS reverse proxy (COFFICE_APP_URL https) does not warn, and is asked locally', () => {
    const plan = servePlan({ HOST: '0.0.0.0', COFFICE_APP_URL: 'https://coffice.example.se/' });
    expect(plan.warnings).toEqual([]);
    expect(plan.appUrl).toBe('https://coffice.example.se');
    expect(plan.localUrl).toBe('http://127.0.0.1:8090');
  });

  it('COFFICE_DOMAIN serves HTTPS on 443 and 80 with automatic certificates; the app URL follows', () => {
    const plan = servePlan({ COFFICE_DOMAIN: 'Coffice.Example.se', COFFICE_SMTP_HOST: 'smtp.example.se' });
    expect(plan).toEqual({
      https: true,
      domain: 'coffice.example.se',
      host: '0.0.0.0',
      port: 443,
      serveArgs: ['coffice.example.se', '--http=0.0.0.0:80', '--https=0.0.0.0:443'],
      appUrl: 'https://coffice.example.se',
      localUrl: null,
      warnings: [],
    });
  });

  it('COFFICE_DOMAIN with a matching COFFICE_APP_URL is fine; HOST narrows the addresses', () => {
    const plan = servePlan({
      COFFICE_DOMAIN: 'coffice.example.se',
      COFFICE_APP_URL: 'https://coffice.example.se',
      HOST: '10.0.0.2',
      COFFICE_SMTP_HOST: 'smtp',
    });
    expect(plan.serveArgs).toEqual(['coffice.example.se', '--http=10.0.0.2:80', '--https=10.0.0.2:443']);
    expect(plan.warnings).toEqual([]);
  });

  it('COFFICE_DOMAIN warns about an ignored PORT, a missing mail server and a loopback HOST', () => {
    const plan = servePlan({ COFFICE_DOMAIN: 'coffice.example.se', PORT: '8090', HOST: '127.0.0.1' });
    expect(plan.warnings).toHaveLength(3);
    expect(plan.warnings[0]).toMatch(/PORT=8090 is ignored/);
    expect(plan.warnings[1]).toMatch(/COFFICE_SMTP_HOST is not set/);
    expect(plan.warnings[2]).toMatch(/only this machine can connect/);
  });

  it.each([
    'https://coffice.example.se',
    'coffice.example.se:443',
    'coffice.example.se/app',
    'localhost',
    '192.168.1.20',
    'coffice',
    '-x.example.se',
    ''.padEnd(300, 'a') + '.se',
  ])('refuses COFFICE_DOMAIN=%s with a sentence that shows the right form', (domain) => {
    expect(() => servePlan({ COFFICE_DOMAIN: domain })).toThrow(
      /COFFICE_DOMAIN must be the venue's domain name alone, like coffice\.example\.se/,
    );
  });

  it('refuses a COFFICE_APP_URL that disagrees with COFFICE_DOMAIN', () => {
    expect(() => servePlan({ COFFICE_DOMAIN: 'coffice.example.se', COFFICE_APP_URL: 'http://coffice.example.se' })).toThrow(/disagree/);
    expect(() => servePlan({ COFFICE_DOMAIN: 'coffice.example.se', COFFICE_APP_URL: 'https://other.example.se' })).toThrow(/disagree/);
  });

  it.each(['0', '65536', 'eighty', '80.5'])('refuses PORT=%s', (port) => {
    expect(() => servePlan({ PORT: port })).toThrow(/PORT must be a number from 1 to 65535/);
  });

  it.each(['ftp://coffice.example.se', 'not a url'])('refuses COFFICE_APP_URL=%s', (appUrl) => {
    expect(() => servePlan({ COFFICE_APP_URL: appUrl })).toThrow(/COFFICE_APP_URL must/);
  });

  it('treats empty variables as unset', () => {
    expect(servePlan({ COFFICE_DOMAIN: '', HOST: ' ', PORT: '', COFFICE_APP_URL: '' })).toEqual(servePlan({}));
  });
});
