/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Precaches the app shell only. Data lives in IndexedDB; /api/ and /_/ are never
// cached or intercepted.
import { build, files, version } from '$service-worker';
import { precacheAndRoute, cleanupOutdatedCaches, createHandlerBoundToURL } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { clientsClaim } from 'workbox-core';
import { chooseWindow, noticeTarget } from '$lib/pwa/notice-click';

declare const self: ServiceWorkerGlobalScope;

const shell = [
  ...build.map((url) => ({ url, revision: url.includes('/immutable/') ? null : version })),
  // store screenshots are for app stores and install sheets, not for the offline shell
  ...files.filter((url) => !url.includes('/screenshots/')).map((url) => ({ url, revision: version })),
  { url: '/index.html', revision: version },
];

precacheAndRoute(shell);
cleanupOutdatedCaches();
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/api\//, /^\/_\//],
  }),
);

// A new version waits until the app says the moment is safe (never mid-scan or mid-sync).
self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
});
clientsClaim();

// Web push (issue #14): the server sends {title, body, url, tag}, encrypted for this browser;
// the browser decrypts it before this handler sees it.
self.addEventListener('push', (event) => {
  let notice: { title?: unknown; body?: unknown; url?: unknown; tag?: unknown };
  try {
    notice = event.data?.json() ?? {};
  } catch {
    notice = { body: event.data?.text() };
  }
  const title = typeof notice.title === 'string' && notice.title ? notice.title : 'Coffice';
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof notice.body === 'string' ? notice.body : '',
      icon: '/icons/icon-192.png',
      tag: typeof notice.tag === 'string' ? notice.tag : undefined,
      data: { url: noticeTarget(notice.url, self.location.origin) },
    }),
  );
});

// A tap opens the pass or the event: in the window already showing it, else an open window of
// the app, else a new one.
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const origin = self.location.origin;
  const target = noticeTarget((event.notification.data as { url?: unknown } | null)?.url, origin);
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(async (windows) => {
      const chosen = chooseWindow(windows, target, origin);
      if (!chosen) return void (await self.clients.openWindow(target));
      const focused = await chosen.window.focus();
      if (chosen.navigate) await focused.navigate(target);
    }),
  );
});
