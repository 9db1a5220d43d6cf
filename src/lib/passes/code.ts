// Pass codes (DESIGN: "CF1:" + 26 characters of RFC 4648 base32, upper case) and the
// drawing of their QR. Upper case keeps the QR in alphanumeric mode: version 2 at level M.
// The modules themselves come from the server with each pass (see ./qr-modules.ts).

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

/**
 * Reads modules as `passQrModules` writes them ('1' dark, '0' light, row by row); null for
 * anything that is not a QR symbol (sides 21, 25, … 177).
 */
export function matrixFromModules(modules: unknown): QrMatrix | null {
  if (typeof modules !== 'string' || !/^[01]+$/.test(modules)) return null;
  const size = Math.sqrt(modules.length);
  const version = (size - 17) / 4;
  if (!Number.isInteger(version) || version < 1 || version > 40) return null;
  return { size, version, dark: Array.from(modules, (bit) => bit === '1') };
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
