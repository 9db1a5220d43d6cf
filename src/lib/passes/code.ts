// Pass codes (DESIGN: "CF1:" + 26 characters of RFC 4648 base32, upper case) and their
// QR matrix. Upper case keeps the QR in alphanumeric mode: version 2 at level M.
// the encoder alone: the package's canvas/SVG/terminal renderers are not needed here
import { create as createQr } from 'qrcode/lib/core/qrcode.js';

export const PASS_CODE = /^CF1:[A-Z2-7]{26}$/;

/** Is this text (a scan, a stored value) a well-formed Coffice pass code? */
export function isPassCode(text: unknown): text is string {
  return typeof text === 'string' && PASS_CODE.test(text);
}

export interface QrMatrix {
  size: number;
  version: number;
  /** row-major: true for a dark module */
  dark: boolean[];
}

/** The QR symbol of a pass: one alphanumeric segment, error correction M. */
export function passQr(code: string) {
  return createQr([{ data: code, mode: 'alphanumeric' }], { errorCorrectionLevel: 'M' });
}

export function qrMatrix(code: string): QrMatrix {
  const qr = passQr(code);
  const { size, data } = qr.modules;
  return { size, version: qr.version, dark: Array.from(data, (bit) => bit === 1) };
}

/** One SVG path of all dark modules (1 unit each), drawn inside a quiet zone of `margin`. */
export function qrPath(matrix: QrMatrix, margin = 4): string {
  let path = '';
  for (let y = 0; y < matrix.size; y++) {
    for (let x = 0; x < matrix.size; x++) {
      if (matrix.dark[y * matrix.size + x]) path += `M${x + margin} ${y + margin}h1v1h-1z`;
    }
  }
  return path;
}
