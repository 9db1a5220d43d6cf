// The feed's calendar code in pb_hooks/lib/vendor/ is generated from src/lib/calendar/;
// a change to the sources without rebuilding it would make the feed and the app disagree.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { buildCalendarVendor, VENDOR_FILE } from '../../scripts/build-calendar-vendor.mjs';

it('the committed calendar bundle for PocketBase matches its sources (run scripts/build-calendar-vendor.mjs)', async () => {
  const fresh = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'coffice-vendor-check-')), 'calendar-builder.js');
  await buildCalendarVendor(fresh);
  expect(fs.readFileSync(VENDOR_FILE, 'utf8')).toBe(fs.readFileSync(fresh, 'utf8'));
  fs.rmSync(path.dirname(fresh), { recursive: true, force: true });
}, 60_000);
