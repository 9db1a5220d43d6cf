// The door's QR-only ZXing (zxing-qr-only.ts, wired in by scripts/lib/qr-only-zxing.mjs)
// against the all-formats ZXing that html5-qrcode ships: our pass codes, drawn as the app
// draws them and then shrunk, turned, blurred, dimmed and sprinkled with noise, must decode
// wherever the vendored decoder decodes them, to the same text.
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import { ZXingHtml5QrcodeDecoder } from 'html5-qrcode/esm/zxing-html5-qrcode-decoder';
import { BaseLoggger, Html5QrcodeSupportedFormats } from 'html5-qrcode/esm/core';
import { matrixFromModules, type QrMatrix } from '../passes/code';
import { passQrModules } from '../passes/qr-modules';
import { MultiFormatReader } from './zxing-qr-only';

interface Look {
  /** pixels per module */
  scale: number;
  /** degrees */
  angle?: number;
  /** box blur radius in pixels */
  blur?: number;
  dark?: number;
  light?: number;
  /** uniform noise, ± this much grey */
  noise?: number;
  /** the canvas html5-qrcode decodes: its scan box */
  canvas?: number;
}

function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The pass QR (quiet zone of 4) drawn centred on a square canvas, as RGBA. */
function render(matrix: QrMatrix, look: Look, seed: number): { width: number; height: number; data: Uint8ClampedArray } {
  const { scale, angle = 0, blur = 0, dark = 0, light = 255, noise = 0, canvas = 216 } = look;
  const modules = matrix.size + 8;
  const [cos, sin] = [Math.cos((angle * Math.PI) / 180), Math.sin((angle * Math.PI) / 180)];
  const grey = new Float32Array(canvas * canvas);
  const SS = 3; // supersampling: edges fall between pixels as a camera sees them
  for (let y = 0; y < canvas; y++) {
    for (let x = 0; x < canvas; x++) {
      let ink = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const dx = x + (sx + 0.5) / SS - canvas / 2;
          const dy = y + (sy + 0.5) / SS - canvas / 2;
          const u = Math.floor((cos * dx + sin * dy) / scale + modules / 2) - 4;
          const v = Math.floor((-sin * dx + cos * dy) / scale + modules / 2) - 4;
          if (u >= 0 && v >= 0 && u < matrix.size && v < matrix.size && matrix.dark[v * matrix.size + u]) ink++;
        }
      }
      grey[y * canvas + x] = light + ((dark - light) * ink) / (SS * SS);
    }
  }
  let out = grey;
  if (blur > 0) {
    out = new Float32Array(grey.length);
    for (let y = 0; y < canvas; y++) {
      for (let x = 0; x < canvas; x++) {
        let sum = 0;
        let n = 0;
        for (let j = -blur; j <= blur; j++) {
          for (let i = -blur; i <= blur; i++) {
            const [xx, yy] = [x + i, y + j];
            if (xx >= 0 && yy >= 0 && xx < canvas && yy < canvas) {
              sum += grey[yy * canvas + xx];
              n++;
            }
          }
        }
        out[y * canvas + x] = sum / n;
      }
    }
  }
  const next = random(seed);
  const data = new Uint8ClampedArray(canvas * canvas * 4);
  for (let p = 0; p < out.length; p++) {
    const g = out[p] + (noise ? (next() * 2 - 1) * noise : 0);
    data.set([g, g, g, 255], p * 4);
  }
  return { width: canvas, height: canvas, data };
}

/** Just enough of a canvas for ZXing's HTMLCanvasElementLuminanceSource. */
function canvasOf(image: { width: number; height: number; data: Uint8ClampedArray }) {
  return {
    width: image.width,
    height: image.height,
    getContext: () => ({ getImageData: () => ({ data: image.data }) }),
  } as unknown as HTMLCanvasElement;
}

/** A pass's QR as the app draws it: from the modules the server sends (../passes/qr-modules.ts). */
const qrMatrix = (code: string): QrMatrix => matrixFromModules(passQrModules(code))!;

/** html5-qrcode's vendored ZXing itself (a UMD file: loaded here as CommonJS, untouched by the plugin). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- an untyped UMD bundle
const Vendored: any = createRequire(import.meta.url)('html5-qrcode/third_party/zxing-js.umd.js');

/** The vendored ZXing, called as html5-qrcode 2.3.8 calls it for QR codes only. */
function vendoredDecode(canvas: HTMLCanvasElement): string | null {
  const hints = new Map<unknown, unknown>([
    [Vendored.DecodeHintType.POSSIBLE_FORMATS, [Vendored.BarcodeFormat.QR_CODE]],
    [Vendored.DecodeHintType.TRY_HARDER, false],
  ]);
  const bitmap = new Vendored.BinaryBitmap(new Vendored.HybridBinarizer(new Vendored.HTMLCanvasElementLuminanceSource(canvas)));
  try {
    return new Vendored.MultiFormatReader(false, hints).decode(bitmap).text;
  } catch {
    return null;
  }
}

/** html5-qrcode's own decoder, whose ZXing import the plugin points at zxing-qr-only.ts. */
const door = new ZXingHtml5QrcodeDecoder([Html5QrcodeSupportedFormats.QR_CODE], false, new BaseLoggger(false));
async function slimDecode(canvas: HTMLCanvasElement): Promise<string | null> {
  return door.decodeAsync(canvas).then(
    (result) => result.text,
    () => null,
  );
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const next = random(7);
const codes = [
  'CF1:ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  'CF1:7777777777777777777777777Q',
  ...Array.from({ length: 4 }, () => 'CF1:' + Array.from({ length: 26 }, () => BASE32[Math.floor(next() * 32)]).join('')),
];

/** `must`: a look the door has to read (the fake camera's is 144 px wide: ~4.4 px a module). */
const looks: { name: string; look: Look; must: boolean }[] = [
  { name: 'fake camera size', look: { scale: 144 / 33 }, must: true },
  ...[2, 3, 5, 6].map((scale) => ({ name: `${scale} px a module`, look: { scale }, must: scale >= 3 })),
  ...[5, 15, 30, 45].map((angle) => ({ name: `turned ${angle}°`, look: { scale: 4, angle }, must: angle <= 30 })),
  { name: 'blurred 1 px', look: { scale: 4, blur: 1 }, must: true },
  { name: 'blurred 2 px', look: { scale: 4, blur: 2 }, must: false },
  { name: 'dim, low contrast', look: { scale: 4, dark: 90, light: 150 }, must: true },
  { name: 'noisy', look: { scale: 4, noise: 40 }, must: true },
  { name: 'very noisy', look: { scale: 4, noise: 90 }, must: false },
  { name: 'small, turned, blurred, noisy', look: { scale: 3, angle: 20, blur: 1, noise: 25 }, must: false },
];

describe('the QR-only ZXing at the door', () => {
  it('is what html5-qrcode decodes with, and reads a pass as a QR code', async () => {
    const spy = vi.spyOn(MultiFormatReader.prototype, 'decode');
    const canvas = canvasOf(render(qrMatrix(codes[0]), { scale: 4 }, 1));
    const result = await door.decodeAsync(canvas);
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
    expect(result.text).toBe(codes[0]);
    expect(result.format).toMatchObject({ format: Html5QrcodeSupportedFormats.QR_CODE, formatName: 'QR_CODE' });
  });

  it('throws for a frame without a code, as the vendored one does ("no code in this frame")', async () => {
    for (const image of [
      render({ size: 1, version: 1, dark: [false] }, { scale: 4 }, 1),
      render({ size: 1, version: 1, dark: [false] }, { scale: 4, noise: 120 }, 2),
    ]) {
      const canvas = canvasOf(image);
      expect(vendoredDecode(canvas)).toBeNull();
      await expect(door.decodeAsync(canvas)).rejects.toThrow(/No MultiFormat Readers were able to detect the code/);
    }
  });

  it('decodes our passes wherever the vendored ZXing does, to the same text', async () => {
    const table: string[] = [];
    let vendoredReads = 0;
    let slimReads = 0;
    for (const { name, look, must } of looks) {
      for (const [i, code] of codes.entries()) {
        const canvas = canvasOf(render(qrMatrix(code), look, i + 1));
        const [vendored, slim] = [vendoredDecode(canvas), await slimDecode(canvas)];
        if (vendored !== null) vendoredReads++;
        if (slim !== null) slimReads++;
        if (slim !== null && slim !== code) table.push(`${name} ${code}: misread as ${slim}`);
        if (vendored !== null && slim === null) table.push(`${name} ${code}: the vendored ZXing reads it, the slim one not`);
        if (must && slim === null) table.push(`${name} ${code}: not read`);
      }
    }
    console.log(`pass QRs read: QR-only ${slimReads}, vendored ${vendoredReads} of ${looks.length * codes.length}`);
    expect(table).toEqual([]);
    expect(slimReads).toBeGreaterThanOrEqual(vendoredReads);
    expect(vendoredReads).toBeGreaterThan(looks.filter((l) => l.must).length * codes.length - 1);
  });
});
