// The door list: what a door device needs to decide offline for a window of time (DOOR.md).
// Codes are known only as SHA-256 hashes and names are sealed under a key derived from the
// code, so a lost tablet reveals neither codes nor names.
import { fromStored } from '$lib/time/venue-clock';
import type { Door, DoorEvent, DoorPass, KnownScan } from './verdict';

export interface DoorListPass extends DoorPass {
  /** the holder's name, sealed (AES-256-GCM, base64 of nonce + ciphertext + tag) */
  name: string;
}

export interface DoorList {
  generated_at: string;
  from: string;
  to: string;
  events: (DoorEvent & { title: string })[];
  passes: DoorListPass[];
  scans: KnownScan[];
  /** door devices' names by device id ("door-3i3kya" → "Entrén"); absent from older servers */
  devices?: Record<string, string>;
}

const hex = (buffer: ArrayBuffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');

export async function sha256Hex(text: string): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

/** The holder's name, opened with the scanned code; undefined when it cannot be opened. */
export async function openName(sealed: string, code: string): Promise<string | undefined> {
  try {
    const keyText = (await sha256Hex(`coffice-name:${code}`)).slice(0, 32);
    const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(keyText), 'AES-GCM', false, ['decrypt']);
    const bytes = Uint8Array.from(atob(sealed), (c) => c.charCodeAt(0));
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.slice(0, 12) }, key, bytes.slice(12));
    return new TextDecoder().decode(plain);
  } catch {
    return undefined;
  }
}

export function passByHash(list: DoorList | undefined): Map<string, DoorListPass> {
  return new Map((list?.passes ?? []).map((p) => [p.hash, p]));
}

/**
 * The events whose passes a door takes now (the same rule as the verdict): at an event door
 * that event; at the front door the published events of the venue day of `now`. Name search
 * offers only these passes, and member passes at the front door.
 */
export function eventsTakenAt<E extends DoorEvent>(door: Door, events: E[], now: Date, dayOf: (instant: Date) => string): E[] {
  if (door.kind === 'event') return events.filter((e) => e.id === door.event);
  const today = dayOf(now);
  return events.filter((e) => e.status === 'published' && dayOf(fromStored(e.starts)) === today);
}
