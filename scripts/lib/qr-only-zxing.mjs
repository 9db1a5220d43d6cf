// A Vite plugin: html5-qrcode's import of its vendored, all-formats ZXing bundle resolves to
// src/lib/door/zxing-qr-only.ts, which reads QR codes only (see there, and docs/DECISIONS.md).
// Only that one import, and only from inside html5-qrcode, is redirected.
import path from 'node:path';
import { root } from './paths.mjs';

export const qrOnlyZxingShim = path.join(root, 'src/lib/door/zxing-qr-only.ts');
const vendored = '../third_party/zxing-js.umd';
const fromHtml5Qrcode = /[\\/]node_modules[\\/]html5-qrcode[\\/]/;

/** @returns {import('vite').Plugin} */
export function qrOnlyZxing() {
  return {
    name: 'coffice:qr-only-zxing',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === vendored && importer && fromHtml5Qrcode.test(importer)) return qrOnlyZxingShim;
      return null;
    },
    load(id) {
      // Should an html5-qrcode update import the bundle some other way, fail the build
      // rather than ship ~100 KB more to every phone without BarcodeDetector.
      if (/[\\/]html5-qrcode[\\/]third_party[\\/]zxing-js\.umd\.js$/.test(id)) {
        this.error(`html5-qrcode's full ZXing bundle (${id}) slipped past the QR-only shim: update scripts/lib/qr-only-zxing.mjs`);
      }
      return null;
    },
  };
}
