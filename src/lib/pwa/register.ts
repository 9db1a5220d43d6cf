// Registers the service worker that precaches the app shell (src/service-worker.ts) and
// notices when a new version is waiting; the app decides when to switch (state/app-update).
import { appUpdate } from '$lib/state/app-update.svelte';

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  navigator.serviceWorker
    .register('/service-worker.js', { type: 'classic' })
    .then((registration) => {
      const noticeWaiting = () => {
        if (registration.waiting && navigator.serviceWorker.controller) appUpdate.waiting(registration.waiting);
      };
      noticeWaiting();
      registration.addEventListener('updatefound', () => {
        registration.installing?.addEventListener('statechange', noticeWaiting);
      });
      // look for a new version now and then, and whenever the app comes back to the front
      setInterval(() => void registration.update().catch(() => undefined), 30 * 60_000);
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') void registration.update().catch(() => undefined);
      });
    })
    .catch((error) => console.warn('Service worker registration failed', error));
}
