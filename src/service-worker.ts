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
