// Arranging people for account tests through the real API (as a visitor or as the
// world's host), and reading the mails the test mail sink caught.
import type { Page } from '@playwright/test';
import PocketBase from 'pocketbase';
import type { TypedPocketBase, UserRecord } from '../../src/lib/pocketbase/types';
import { PASSWORD } from '../helpers/server';
import type { Mail } from '../helpers/mail-sink';
import { E2E, expect } from './world';

let counter = 0;

export function api(): TypedPocketBase {
  const pb = new PocketBase(process.env.COFFICE_URL) as TypedPocketBase;
  pb.autoCancellation(false);
  return pb;
}

export function uniqueEmail(label: string) {
  return `${label}-${++counter}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@coffice.test`;
}

/** Signs a new guest up the way anyone can, and returns a client signed in as them. */
export async function newGuest(name: string) {
  const email = uniqueEmail('guest');
  const pb = api();
  await pb.collection('users').create({ email, name, password: PASSWORD, passwordConfirm: PASSWORD });
  await pb.collection('users').authWithPassword(email, PASSWORD);
  return { pb, email, password: PASSWORD, user: pb.authStore.record as unknown as UserRecord };
}

export async function asHost() {
  const pb = api();
  await pb.collection('users').authWithPassword(E2E.host.email, E2E.host.password);
  return pb;
}

/** Waits until the mail sink holds more than `seen` mails to this address; returns the newest. */
export async function mailTo(address: string, seen = 0): Promise<Mail> {
  const read = async () => {
    const res = await fetch(`${process.env.COFFICE_MAIL_URL}/mails?to=${encodeURIComponent(address)}`);
    return (await res.json()) as Mail[];
  };
  await expect.poll(async () => (await read()).length).toBeGreaterThan(seen);
  const mails = await read();
  return mails[mails.length - 1];
}

export async function signInWithPassword(page: Page, who: { email: string; password: string }) {
  await page.goto('/me');
  await page.getByLabel('E-post').fill(who.email);
  await page.getByLabel('Lösenord').fill(who.password);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

/** Signs in on /me and waits until the app shows who is signed in. */
export async function signIn(page: Page, who: { email: string; password: string }) {
  await signInWithPassword(page, who);
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
}

export async function waitForServiceWorker(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);
}
