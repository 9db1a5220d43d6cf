// How `npm start` serves, decided from its environment alone (pure, so every combination is
// unit-tested): plain HTTP on one address and port, or — with COFFICE_DOMAIN — HTTPS on 443
// with PocketBase's automatic certificates (Let's Encrypt) and 80 answering the certificate
// challenge and redirecting everything else to HTTPS. Cameras (the door's scanner), service
// workers and installing the app work only over HTTPS or on the device itself (localhost),
// so a plain-HTTP start that other devices can reach says so.

/**
 * @typedef {{ COFFICE_DOMAIN?: string, HOST?: string, PORT?: string, COFFICE_APP_URL?: string, COFFICE_SMTP_HOST?: string }} ServeEnv
 * @typedef {{
 *   https: boolean,
 *   domain: string | null,
 *   host: string,
 *   port: number,
 *   serveArgs: string[],
 *   appUrl: string,
 *   localUrl: string | null,
 *   warnings: string[],
 * }} ServePlan
 */

const LOOPBACK = /^(127(\.\d{1,3}){3}|localhost|::1|\[::1\])$/i;
// a public DNS name: labels of letters, digits and hyphens, at least two of them, no IP address
const DOMAIN = /^(?=.{1,253}$)(?!-)([a-z0-9-]{1,63}(?<!-)\.)+[a-z][a-z0-9-]{0,62}(?<!-)$/;

export class ServeConfigError extends Error {}

/** @param {string | undefined} value */
const given = (value) => (value !== undefined && value.trim() !== '' ? value.trim() : undefined);

/** @param {string} host */
export const isLoopback = (host) => LOOPBACK.test(host);

/**
 * @param {ServeEnv} env
 * @returns {ServePlan}
 */
export function servePlan(env) {
  const domainText = given(env.COFFICE_DOMAIN);
  const appUrlText = given(env.COFFICE_APP_URL);
  const portText = given(env.PORT);
  /** @type {string[]} */
  const warnings = [];

  if (domainText !== undefined) {
    const domain = domainText.toLowerCase();
    if (!DOMAIN.test(domain)) {
      throw new ServeConfigError(
        `COFFICE_DOMAIN must be the venue's domain name alone, like coffice.example.se — no https://, port or path (got "${domainText}").`,
      );
    }
    const host = given(env.HOST) ?? '0.0.0.0';
    const appUrl = `https://${domain}`;
    if (appUrlText !== undefined && originOf(appUrlText) !== appUrl) {
      throw new ServeConfigError(
        `COFFICE_APP_URL (${appUrlText}) and COFFICE_DOMAIN (${domain}) disagree: with COFFICE_DOMAIN the app is at ${appUrl}. Leave COFFICE_APP_URL unset.`,
      );
    }
    if (portText !== undefined) {
      warnings.push(`PORT=${portText} is ignored with COFFICE_DOMAIN: HTTPS is served on 443, and 80 answers the certificate challenge.`);
    }
    if (given(env.COFFICE_SMTP_HOST) === undefined) {
      warnings.push(
        'COFFICE_SMTP_HOST is not set: mail (sign-in codes, password resets) goes out as set in the admin UI (Settings → Mail settings). Set one of them before people sign in.',
      );
    }
    if (isLoopback(host)) {
      warnings.push(`HOST=${host} with COFFICE_DOMAIN: only this machine can connect, and the certificate authority cannot reach it.`);
    }
    return {
      https: true,
      domain,
      host,
      port: 443,
      serveArgs: [domain, `--http=${host}:80`, `--https=${host}:443`],
      appUrl,
      // the plain port only redirects and the certificate is for the domain: nothing local to ask
      localUrl: null,
      warnings,
    };
  }

  const host = given(env.HOST) ?? '127.0.0.1';
  const port = portText === undefined ? 8090 : Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ServeConfigError(`PORT must be a number from 1 to 65535 (got "${env.PORT}").`);
  }
  const hostInUrl = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  const localUrl = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : hostInUrl}:${port}`;
  const appUrl = appUrlText !== undefined ? originOf(appUrlText) : localUrl;
  if (!isLoopback(host) && !appUrl.startsWith('https:')) {
    warnings.push(
      `Serving plain HTTP on ${host}:${port}: phones on the network can open it, but browsers allow the camera (door scanning), ` +
        'offline use and installing the app only over HTTPS. Use COFFICE_DOMAIN=your.domain npm start, or HTTPS in front ' +
        "(a reverse proxy with the certificate of the venue's domain, then COFFICE_APP_URL=https://…); see deploy/README.md.",
    );
  }
  return { https: false, domain: null, host, port, serveArgs: [`--http=${host}:${port}`], appUrl, localUrl, warnings };
}

/** @param {string} text */
function originOf(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new ServeConfigError(`COFFICE_APP_URL must be the app's address, like https://coffice.example.se (got "${text}").`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ServeConfigError(`COFFICE_APP_URL must start with https:// or http:// (got "${text}").`);
  }
  return url.origin;
}
