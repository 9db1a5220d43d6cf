// The QR encoder (qrcode's core, without its canvas/SVG/terminal renderers). It runs on the
// server — bundled for PocketBase into pb_hooks/lib/vendor/pass-qr.js, which sends each
// holder the modules of their passes — so the guest screens carry no encoder. The app
// loads this module only to draw a pass a device stored before the server sent modules,
// and for the door poster.
import { create as createQr } from 'qrcode/lib/core/qrcode.js';

/** The QR symbol of a pass: one alphanumeric segment, error correction M. */
export function passQr(code: string) {
  return createQr([{ data: code, mode: 'alphanumeric' }], { errorCorrectionLevel: 'M' });
}

/** A QR symbol's modules row by row, '1' for dark and '0' for light. */
function modulesText(data: ArrayLike<number>): string {
  let text = '';
  for (let i = 0; i < data.length; i++) text += data[i] ? '1' : '0';
  return text;
}

/** The modules of a pass's QR (see `passQr`). */
export function passQrModules(code: string): string {
  return modulesText(passQr(code).modules.data);
}

/** The modules of a QR for any text (byte mode where needed), e.g. the door poster's URL. */
export function textQrModules(text: string): string {
  return modulesText(createQr(text, { errorCorrectionLevel: 'M' }).modules.data);
}
