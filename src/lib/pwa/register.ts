// Registers the service worker that precaches the app shell (src/service-worker.ts).
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  navigator.serviceWorker.register('/service-worker.js', { type: 'classic' }).catch((error) => {
    console.warn('Service worker registration failed', error);
  });
}
