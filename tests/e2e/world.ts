// What the end-to-end run arranges (global-setup.ts) and the tests look for.
import { test as base, expect } from '@playwright/test';
import { PASSWORD } from '../helpers/server';
import { startNetworkLink, type NetworkLink } from '../helpers/network-link';

export const E2E = {
  breakfastTitle: 'Frukostmöte: Nytt från kommunen',
  talkTitle: 'Så växer småföretag i mindre städer',
  openArea: 'Öppna ytan',
  guest: { email: 'sara.e2e@coffice.test', name: 'Sara Holm', password: PASSWORD },
  host: { email: 'maja.e2e@coffice.test', name: 'Maja Lindqvist', password: PASSWORD },
};

function serverUrl() {
  const url = process.env.COFFICE_URL;
  if (!url) throw new Error('COFFICE_URL is not set: the global setup did not run.');
  return url;
}

/** Playwright's test with baseURL pointing at the PocketBase the global setup started. */
export const test = base.extend({
  baseURL: async ({}, use) => use(serverUrl()),
});

/** The same, with the app opened through a network link the test can make fail. */
export const testOverLink = base.extend<{ link: NetworkLink }>({
  link: async ({}, use) => {
    const link = await startNetworkLink(serverUrl());
    await use(link);
    await link.close();
  },
  baseURL: async ({ link }, use) => use(link.url),
});

export { expect };
