// PocketBase's copies of app code in pb_hooks/lib/vendor/ are generated from src/lib/; a
// change to the sources without rebuilding them would make the server and the app disagree.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { buildVendorBundle, VENDOR_BUNDLES } from '../../scripts/build-vendor.mjs';

it.each(VENDOR_BUNDLES.map((b) => [path.basename(b.file), b]))(
  'the committed %s for PocketBase matches its sources (run npm run vendor)',
  async (_, bundle) => {
    const fresh = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'coffice-vendor-check-')), 'bundle.js');
    await buildVendorBundle(bundle, fresh);
    expect(fs.readFileSync(bundle.file, 'utf8')).toBe(fs.readFileSync(fresh, 'utf8'));
    fs.rmSync(path.dirname(fresh), { recursive: true, force: true });
  },
  60_000,
);
