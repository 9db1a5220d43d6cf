// The operator's view of the end-to-end server: to arrange people and to check what the
// server holds after the browser did its part.
import PocketBase from 'pocketbase';
import { OPERATOR, PASSWORD } from '../helpers/server';
import type { TypedPocketBase } from '../../src/lib/pocketbase/types';

let signedIn: Promise<TypedPocketBase> | null = null;

/** The operator's client, signed in once per test worker (sign-ins are rate limited). */
export function operator(): Promise<TypedPocketBase> {
  signedIn ??= (async () => {
    const pb = new PocketBase(process.env.COFFICE_URL) as TypedPocketBase;
    pb.autoCancellation(false);
    await pb.collection('_superusers').authWithPassword(OPERATOR.email, OPERATOR.password);
    return pb;
  })();
  return signedIn;
}

/** A new guest for one test, so tests do not share registrations. */
export async function newGuest(name: string) {
  const pb = await operator();
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${Date.now()}@coffice.test`;
  const user = await pb.collection('users').create({ email, name, password: PASSWORD, passwordConfirm: PASSWORD });
  return { email, password: PASSWORD, name, id: user.id };
}
