// Images for upload tests: real small ones (tests/fixtures/images, made with ffmpeg) and
// "image bombs", files of a few KB whose header claims millions of pixels.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ClientResponseError } from 'pocketbase';
import { root } from '../../scripts/lib/paths.mjs';

export function fixtureImage(name: string): Buffer {
  return fs.readFileSync(path.join(root, 'tests/fixtures/images', name));
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A valid black PNG (1-bit grey, every row zeros): 10000 × 10000 is ~12 KB of file and
 * 100 million pixels once decoded.
 */
export function png(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 1; // bit depth; colour type 0 (grey), compression, filter, interlace 0
  const rows = Buffer.alloc((1 + Math.ceil(width / 8)) * height); // filter byte 0 + pixels
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A copy of a real JPEG whose frame header says `width` × `height`. */
export function jpegClaiming(width: number, height: number, options: { paddingBeforeFrame?: number } = {}): Buffer {
  const jpeg = fixtureImage('logo-640x480.jpg');
  let at = 2;
  while (!(jpeg[at] === 0xff && jpeg[at + 1] >= 0xc0 && jpeg[at + 1] <= 0xc2)) at += 2 + jpeg.readUInt16BE(at + 2);
  const out = Buffer.from(jpeg);
  out.writeUInt16BE(height, at + 5);
  out.writeUInt16BE(width, at + 7);
  if (!options.paddingBeforeFrame) return out;
  // APP2 segments (as an ICC profile is stored) push the frame header far into the file
  const segments: Buffer[] = [];
  for (let left = options.paddingBeforeFrame; left > 0; left -= 65533) {
    const segment = Buffer.alloc(4 + Math.min(left, 65533), 0x41);
    segment.writeUInt16BE(0xffe2, 0);
    segment.writeUInt16BE(segment.length - 2, 2);
    segments.push(segment);
  }
  return Buffer.concat([out.subarray(0, at), ...segments, out.subarray(at)]);
}

/** A copy of a real WebP (lossy, lossless or extended) whose header says `width` × `height`. */
export function webpClaiming(kind: 'lossy' | 'lossless' | 'extended', width: number, height: number): Buffer {
  const name = { lossy: 'logo-320x200.webp', lossless: 'logo-300x150-lossless.webp', extended: 'logo-256x128-alpha.webp' }[kind];
  const out = Buffer.from(fixtureImage(name));
  if (kind === 'lossy') {
    out.writeUInt16LE(width, 26);
    out.writeUInt16LE(height, 28);
  } else if (kind === 'lossless') {
    out.writeUInt32LE((width - 1) | ((height - 1) << 14), 21);
  } else {
    out.writeUIntLE(width - 1, 24, 3);
    out.writeUIntLE(height - 1, 27, 3);
  }
  return out;
}

/** How the server refused an upload: status, the field's error code (under the field's name) and message. */
export async function uploadRefusal<F extends string>(request: Promise<unknown>, field: F) {
  try {
    await request;
  } catch (error) {
    if (error instanceof ClientResponseError) {
      const data = (error.response?.data ?? {}) as Record<string, { code: string } | undefined>;
      return { status: error.status, message: error.response?.message as string, [field]: data[field]?.code } as {
        status: number;
        message: string;
      } & Record<F, string | undefined>;
    }
    throw error;
  }
  throw new Error('expected the server to refuse, but it accepted');
}
