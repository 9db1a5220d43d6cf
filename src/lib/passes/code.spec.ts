import { describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import { isPassCode, matrixFromModules, qrPath } from './code';
import { passQr, passQrModules, textQrModules } from './qr-modules';

const CODE = 'CF1:ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const CODE2 = 'CF1:7777777777777777777777777Q';

describe('pass codes', () => {
  it.each([CODE, CODE2, 'CF1:23456723456723456723456723'])('%s is a pass code', (text) => {
    expect(isPassCode(text)).toBe(true);
  });

  it.each([
    '',
    'CF1:abcdefghijklmnopqrstuvwxyz',
    'CF1:ABCDEFGHIJKLMNOPQRSTUVWXY',
    'CF1:ABCDEFGHIJKLMNOPQRSTUVWXYZA',
    'CF2:ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    'CF1:ABCDEFGHIJKLMNOPQRSTUVWXY1',
    'https://coffice.example/CF1:ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    ' CF1:ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    '<img src=x onerror=alert(1)>',
  ])('%j is not', (text) => {
    expect(isPassCode(text)).toBe(false);
  });

  it('draws a QR of version 2 or less at level M, in alphanumeric mode', () => {
    for (const code of [CODE, CODE2]) {
      const qr = passQr(code);
      expect(qr.version).toBeLessThanOrEqual(2);
      expect(qr.errorCorrectionLevel.bit).toBe(QRCode.create('x', { errorCorrectionLevel: 'M' }).errorCorrectionLevel.bit);
      expect(qr.segments.map((s: { mode: { id: string } }) => s.mode.id)).toEqual(['Alphanumeric']);
      expect(matrixFromModules(passQrModules(code))).toMatchObject({ version: qr.version, size: 25 });
    }
  });

  it('the modules text is the symbol row by row, and reads back to the same modules', () => {
    const qr = passQr(CODE);
    const text = passQrModules(CODE);
    expect(text).toHaveLength(25 * 25);
    expect(matrixFromModules(text)!.dark).toEqual(Array.from(qr.modules.data, (bit) => bit === 1));
    expect(matrixFromModules(textQrModules('https://coffice.example/checkin/x'))!.size).toBeGreaterThan(21);
  });

  it.each([undefined, null, 42, '', '2', '01'.repeat(200), '1'.repeat(24 * 24), '1'.repeat(181 * 181), `${'1'.repeat(440)}<svg>`])(
    'modules %j are not a QR symbol',
    (modules) => {
      expect(matrixFromModules(modules)).toBeNull();
    },
  );

  it('the drawn path has one square per dark module', () => {
    const matrix = matrixFromModules(passQrModules(CODE))!;
    const squares = qrPath(matrix).match(/M/g)?.length;
    expect(squares).toBe(matrix.dark.filter(Boolean).length);
    expect(qrPath(matrix)).toMatch(/^M4 4h1v1h-1z/); // the finder pattern's corner, inside the quiet zone
  });
});
