#!/usr/bin/env node
// Draws the app icons (a cup-shaped "C" on the venue green) as PNG files in static/.
// Run by hand when the icon changes; the output is committed.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { root } from './lib/paths.mjs';

const GREEN = [0x1f, 0x4d, 0x3a];
const CREAM = [0xfa, 0xf7, 0xf2];

/** @param {number} size @param {number} scale share of the canvas the mark may use */
function draw(size, scale) {
  const pixels = Buffer.alloc(size * size * 3);
  const c = size / 2;
  const outer = (size / 2) * scale * 0.8;
  const inner = outer * 0.58;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const dx = x + 0.5 - c;
      const dy = y + 0.5 - c;
      const r = Math.hypot(dx, dy);
      const angle = Math.atan2(dy, dx);
      const inRing = r <= outer && r >= inner && Math.abs(angle) > Math.PI / 4.5;
      const colour = inRing ? CREAM : GREEN;
      colour.forEach((v, i) => (pixels[(y * size + x) * 3 + i] = v));
    }
  }
  return pixels;
}

/** @param {number} size @param {Buffer} rgb */
function png(size, rgb) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  /** @param {Buffer} buf */
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  /** @param {string} type @param {Buffer} data */
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows = [];
  for (let y = 0; y < size; y++) rows.push(Buffer.from([0]), rgb.subarray(y * size * 3, (y + 1) * size * 3));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outputs = [
  ['static/favicon.png', 48, 1],
  ['static/icons/icon-192.png', 192, 1],
  ['static/icons/icon-512.png', 512, 1],
  // maskable: the mark stays inside the 80 % safe zone
  ['static/icons/maskable-512.png', 512, 0.75],
];
for (const [file, size, scale] of outputs) {
  fs.writeFileSync(path.join(root, String(file)), png(Number(size), draw(Number(size), Number(scale))));
}
console.log('icons written');
