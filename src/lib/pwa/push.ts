// Web push on this device (issue #14): asks the browser for permission, subscribes with the
// venue's VAPID key (GET /api/coffice/push-key) and keeps the subscription in
// `push_subscriptions` for the signed-in person; turning it off removes both. Loaded only by
// /me and the offer after a registration (never in the guest screens' shell).
import { pb } from '$lib/pocketbase/client';
import { base64urlDecode } from './base64url';

/** Where web push works: `ios-app-only` is Safari on iPhone/iPad outside the installed app. */
export type PushSupport = 'yes' | 'ios-app-only' | 'no';

export function pushSupport(): PushSupport {
  if (typeof window === 'undefined') return 'no';
  if ('serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window) return 'yes';
  return /iphone|ipad|ipod/i.test(navigator.userAgent) ? 'ios-app-only' : 'no';
}

/** Whether the person has said no in the browser (only the browser's settings can undo it). */
export function pushBlocked(): boolean {
  return 'Notification' in window && Notification.permission === 'denied';
}

async function registration(): Promise<ServiceWorkerRegistration | null> {
  if (!('serviceWorker' in navigator)) return null;
  return (await navigator.serviceWorker.getRegistration()) ?? null;
}

const COLLECTION = 'push_subscriptions';

function byEndpoint(endpoint: string) {
  return pb.filter('endpoint = {:endpoint}', { endpoint });
}

/** Deletes the signed-in person's record of this endpoint (others' are not theirs to see). */
async function forgetKept(endpoint: string): Promise<void> {
  const kept = await pb.collection(COLLECTION).getFullList({ filter: byEndpoint(endpoint) });
  await Promise.all(kept.map((record) => pb.collection(COLLECTION).delete(record.id)));
}

/** On: this browser has a subscription and the server keeps it for the signed-in person. */
export async function pushEnabled(): Promise<boolean> {
  const subscription = await (await registration())?.pushManager.getSubscription();
  if (!subscription || !pb.authStore.record) return false;
  const kept = await pb.collection(COLLECTION).getList(1, 1, { filter: byEndpoint(subscription.endpoint) });
  return kept.items.length > 0;
}

export type EnableResult = 'on' | 'denied' | 'unsupported' | 'failed';

export async function enablePush(): Promise<EnableResult> {
  const user = pb.authStore.record;
  const worker = await registration();
  if (!user || !worker || pushSupport() !== 'yes') return 'unsupported';
  if ((await Notification.requestPermission()) !== 'granted') return 'denied';
  try {
    const { publicKey } = await pb.send<{ publicKey: string }>('/api/coffice/push-key', { method: 'GET' });
    // a subscription left by someone else signed in on this device (or by an old key) goes first:
    // an endpoint belongs to one person
    const old = await worker.pushManager.getSubscription();
    if (old) {
      await forgetKept(old.endpoint).catch(() => undefined); // finds only our own record, if any
      await old.unsubscribe();
    }
    const subscription = await worker.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: base64urlDecode(publicKey) as Uint8Array<ArrayBuffer>,
    });
    const { keys } = subscription.toJSON();
    if (!keys?.p256dh || !keys.auth) throw new Error('the browser gave a subscription without keys');
    await pb.collection(COLLECTION).create({
      user: user.id,
      endpoint: subscription.endpoint,
      p256dh: keys.p256dh,
      auth: keys.auth,
      user_agent: navigator.userAgent.slice(0, 300),
    });
    return 'on';
  } catch (error) {
    console.warn('Could not turn on notifications', error);
    return 'failed';
  }
}

export async function disablePush(): Promise<void> {
  const subscription = await (await registration())?.pushManager.getSubscription();
  if (!subscription) return;
  if (pb.authStore.record) await forgetKept(subscription.endpoint);
  await subscription.unsubscribe();
}

/**
 * On signing out: the browser drops this device's subscription, so a shared device stops getting
 * the previous person's notices (the server removes the record when the push service answers 410).
 */
export function forgetDevicePush(): void {
  void registration()
    .then((worker) => worker?.pushManager.getSubscription())
    .then((subscription) => subscription?.unsubscribe())
    .catch(() => undefined);
}
