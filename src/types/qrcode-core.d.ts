// The qrcode package's encoder module, imported directly (see src/lib/passes/code.ts).
declare module 'qrcode/lib/core/qrcode.js' {
  import type { QRCode, QRCodeOptions, QRCodeSegment } from 'qrcode';
  export function create(data: string | QRCodeSegment[], options?: QRCodeOptions): QRCode;
}
