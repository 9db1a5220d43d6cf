// The app's one venue clock (src/lib/time/venue-clock.ts) for scripts, which Node runs without
// a TypeScript step: the very build PocketBase runs (pb_hooks/lib/vendor/, `npm run vendor`).
import { createRequire } from 'node:module';

/** @type {typeof import('../../src/lib/time/venue-clock')} */
const clock = createRequire(import.meta.url)('../../pb_hooks/lib/vendor/venue-clock.js');

export const { dayOf, shiftDay, toStored, venueInstant, weekdayOf } = clock;
