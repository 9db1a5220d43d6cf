// The server reads an upload's pixel size from its header (pb_hooks/lib/image-size.js) to
// refuse image bombs before PocketBase decodes them for a thumb. It must read real files
// right and read a forged header the way Go's decoders will.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { fixtureImage, jpegClaiming, png, webpClaiming } from '../helpers/images';

const require = createRequire(import.meta.url);
const { imageSize } = require('../../pb_hooks/lib/image-size.js') as {
  imageSize(read: (offset: number, length: number) => ArrayLike<number>): { format: string; width: number; height: number } | null;
};

function sizeOf(bytes: Buffer) {
  let reads = 0;
  const size = imageSize((offset, length) => {
    reads++;
    return bytes.subarray(offset, offset + length);
  });
  return { size, reads };
}

describe('imageSize reads real images', () => {
  it.each([
    ['logo-640x480.jpg', 'jpeg', 640, 480],
    ['logo-320x200.webp', 'webp', 320, 200],
    ['logo-300x150-lossless.webp', 'webp', 300, 150],
    ['logo-256x128-alpha.webp', 'webp', 256, 128],
  ])('%s', (name, format, width, height) => {
    expect(sizeOf(fixtureImage(name)).size).toEqual({ format, width, height });
  });

  it('a PNG', () => {
    expect(sizeOf(png(512, 300)).size).toEqual({ format: 'png', width: 512, height: 300 });
  });
});

describe('imageSize reads forged headers as the decoder will', () => {
  it.each([
    ['PNG', png(10000, 10000)],
    ['JPEG', jpegClaiming(10000, 10000)],
    ['lossy WebP', webpClaiming('lossy', 10000, 10000)],
    ['lossless WebP', webpClaiming('lossless', 10000, 10000)],
    ['extended WebP', webpClaiming('extended', 10000, 10000)],
  ])('%s claiming 10000 × 10000', (_what, bytes) => {
    expect(sizeOf(bytes).size).toMatchObject({ width: 10000, height: 10000 });
  });

  it('a JPEG frame header behind 300 KB of other segments, in a handful of reads', () => {
    const { size, reads } = sizeOf(jpegClaiming(9000, 8000, { paddingBeforeFrame: 300_000 }));
    expect(size).toEqual({ format: 'jpeg', width: 9000, height: 8000 });
    expect(reads).toBeLessThan(12);
  });

  it('an extended WebP whose frame is larger than its canvas counts the frame', () => {
    const bytes = Buffer.from(fixtureImage('logo-256x128-alpha.webp'));
    const frame = bytes.indexOf('VP8 ', 12, 'latin1');
    bytes.writeUInt16LE(16383, frame + 8 + 6);
    bytes.writeUInt16LE(16383, frame + 8 + 8);
    expect(sizeOf(bytes).size).toMatchObject({ width: 16383, height: 16383 });
  });

  it('stray and fill bytes between JPEG segments are skipped, as Go skips them', () => {
    const jpeg = jpegClaiming(7000, 7000);
    const afterApp0 = 4 + jpeg.readUInt16BE(4);
    const junk = Buffer.from([0x12, 0x34, 0xff, 0xff]);
    const withJunk = Buffer.concat([jpeg.subarray(0, afterApp0), junk, jpeg.subarray(afterApp0)]);
    expect(sizeOf(withJunk).size).toMatchObject({ width: 7000, height: 7000 });
  });
});

describe('imageSize on what is not a readable image', () => {
  it('a known signature without a size is unreadable (0 × 0)', () => {
    const cut = (bytes: Buffer, length: number) => bytes.subarray(0, length);
    expect(sizeOf(cut(png(10, 10), 20)).size).toEqual({ format: 'png', width: 0, height: 0 });
    expect(sizeOf(cut(fixtureImage('logo-640x480.jpg'), 100)).size).toEqual({ format: 'jpeg', width: 0, height: 0 });
    expect(sizeOf(cut(fixtureImage('logo-320x200.webp'), 24)).size).toEqual({ format: 'webp', width: 0, height: 0 });
    // pixels (start of scan) before any frame header
    expect(sizeOf(Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02, 0xff, 0xd9])).size).toEqual({ format: 'jpeg', width: 0, height: 0 });
    // megabytes of junk between segments are not walked through
    const jpeg = jpegClaiming(640, 480);
    const junk = Buffer.alloc(1024 * 1024, 0x20);
    const afterApp0 = 4 + jpeg.readUInt16BE(4);
    expect(sizeOf(Buffer.concat([jpeg.subarray(0, afterApp0), junk, jpeg.subarray(afterApp0)])).size).toEqual({
      format: 'jpeg',
      width: 0,
      height: 0,
    });
  });

  it('anything else is left to PocketBase’s type check', () => {
    expect(sizeOf(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')).size).toBeNull();
    expect(sizeOf(Buffer.from('GIF89a\x10\x27\x10\x27', 'latin1')).size).toBeNull();
    expect(sizeOf(Buffer.alloc(0)).size).toBeNull();
  });
});
