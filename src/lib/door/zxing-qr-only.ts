// What html5-qrcode's ZXing decoder gets instead of its vendored ZXing bundle.
//
// html5-qrcode 2.3.8 (esm/zxing-html5-qrcode-decoder.js) does
// `import * as ZXing from "../third_party/zxing-js.umd"`: a copy of all of ZXing-js, every
// 1D and 2D format, in one UMD file that no bundler can tree-shake (~100 KB gzip). The plugin
// in scripts/lib/qr-only-zxing.mjs points that import here. This module exports exactly the
// names that decoder uses, taken module by module from upstream @zxing/library, so the door's
// fallback holds the QR path only. The door asks html5-qrcode for QR codes only
// (src/lib/door/camera.ts); other formats are not read here.
import BarcodeFormat from '@zxing/library/esm/core/BarcodeFormat';
import BinaryBitmap from '@zxing/library/esm/core/BinaryBitmap';
import DecodeHintType from '@zxing/library/esm/core/DecodeHintType';
import NotFoundException from '@zxing/library/esm/core/NotFoundException';
import HybridBinarizer from '@zxing/library/esm/core/common/HybridBinarizer';
import QRCodeReader from '@zxing/library/esm/core/qrcode/QRCodeReader';
import { HTMLCanvasElementLuminanceSource } from '@zxing/library/esm/browser/HTMLCanvasElementLuminanceSource';

export { BarcodeFormat, BinaryBitmap, DecodeHintType, HTMLCanvasElementLuminanceSource, HybridBinarizer };

/**
 * The vendored MultiFormatReader as html5-qrcode uses it — `new MultiFormatReader(verbose, hints)`
 * then `decode(bitmap)` — with its one reader for the hints html5-qrcode passes for QR only
 * (POSSIBLE_FORMATS [QR_CODE], TRY_HARDER false): a QRCodeReader given the same hints. Like the
 * vendored one, any failure of the reader becomes a NotFoundException, which html5-qrcode
 * reports as "no code in this frame" and then scans the next frame.
 */
export class MultiFormatReader {
  private readonly reader = new QRCodeReader();
  private readonly hints: Map<DecodeHintType, unknown> | undefined;

  constructor(_verbose?: boolean, hints?: Map<DecodeHintType, unknown> | null) {
    this.hints = hints ?? undefined;
  }

  /** @returns a ZXing Result: `.text` and `.format` (BarcodeFormat.QR_CODE) are what html5-qrcode reads */
  decode(image: BinaryBitmap) {
    try {
      return this.reader.decode(image, this.hints);
    } catch {
      throw new NotFoundException('No MultiFormat Readers were able to detect the code.');
    }
  }
}
