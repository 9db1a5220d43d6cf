// The browser's offer to install the app (beforeinstallprompt), caught once at startup so any
// screen can make it, and the iPhone's manual steps. Dismissing it is remembered on the device:
// the offer appears on the programme, after registering and on a pass, never as a nag.
import type { Component } from 'svelte';

interface InstallPrompt extends Event {
  prompt(): Promise<unknown>;
}

const DISMISSED = 'coffice:install-dismissed';

class InstallState {
  #offer = $state<InstallPrompt | null>(null);
  #dismissed = $state(false);
  #installed = $state(false);
  #ios = false;
  #Offer = $state<Component | null>(null);

  /** Called once at startup, before the browser may make its offer. */
  listen() {
    this.#installed = matchMedia('(display-mode: standalone)').matches || (navigator as { standalone?: boolean }).standalone === true;
    this.#ios = /iphone|ipad|ipod/i.test(navigator.userAgent);
    this.#dismissed = localStorage.getItem(DISMISSED) === '1';
    addEventListener('beforeinstallprompt', (event) => {
      event.preventDefault(); // the app offers it where it fits
      this.#offer = event as InstallPrompt;
    });
    addEventListener('appinstalled', () => (this.#installed = true));
  }

  /** Whether the browser can install it with one tap (else: the iPhone's steps). */
  get canPrompt() {
    return this.#offer !== null;
  }

  get ios() {
    return this.#ios;
  }

  /** The offer's component, loaded when there is something to offer and it was not dismissed. */
  get Offer(): Component | null {
    if (this.#installed || this.#dismissed || (!this.#offer && !this.#ios)) return null;
    if (!this.#Offer) void import('$lib/components/InstallOffer.svelte').then((x) => (this.#Offer = x.default));
    return this.#Offer;
  }

  async prompt() {
    const offer = this.#offer;
    this.#offer = null; // the browser's offer can be used once
    await offer?.prompt();
  }

  dismiss() {
    localStorage.setItem(DISMISSED, '1');
    this.#dismissed = true;
  }
}

export const install = new InstallState();
