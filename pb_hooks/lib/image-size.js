// The pixel size of a PNG, JPEG or WebP, read from its header alone: an image is never
// decoded to learn how big it is. PocketBase decodes an upload only when it makes a thumb,
// and then holds every pixel in memory (4 bytes each, more for a progressive JPEG), so a
// 100 KB file can claim 10000 × 10000 pixels and cost ~500 MB the first time its thumb is
// asked for. The size read here is the one Go's decoders will allocate for.
//
// `read(offset, length)` returns up to `length` bytes (array-like, fewer at the end of the
// file), so the hooks can read from the uploaded file and tests from a Buffer.

const WINDOW = 64 * 1024;
const MAX_SEGMENTS = 1000; // far more than any real file has before its size
const MAX_STRAY_BYTES = 4096; // bytes between JPEG segments, which encoders do not write

/** Byte access through one cached window, so a JPEG's segments cost a read each at most. */
function byteSource(read) {
  let start = -1;
  let bytes = [];
  return function byteAt(offset) {
    if (start < 0 || offset < start || offset >= start + bytes.length) {
      start = offset;
      bytes = read(offset, WINDOW) || [];
      if (bytes.length === 0) return -1;
    }
    return bytes[offset - start] & 0xff;
  };
}

function u16be(byteAt, at) {
  return byteAt(at) * 0x100 + byteAt(at + 1);
}

function u32be(byteAt, at) {
  return byteAt(at) * 0x1000000 + byteAt(at + 1) * 0x10000 + byteAt(at + 2) * 0x100 + byteAt(at + 3);
}

function u24le(byteAt, at) {
  return byteAt(at) + byteAt(at + 1) * 0x100 + byteAt(at + 2) * 0x10000;
}

function u32le(byteAt, at) {
  return u24le(byteAt, at) + byteAt(at + 3) * 0x1000000;
}

function startsWith(byteAt, at, text) {
  for (let i = 0; i < text.length; i++) {
    if (byteAt(at + i) !== text.charCodeAt(i)) return false;
  }
  return true;
}

const UNREADABLE = null;

function pngSize(byteAt) {
  // the first chunk must be IHDR (13 bytes: width, height, ...)
  if (u32be(byteAt, 8) !== 13 || !startsWith(byteAt, 12, "IHDR") || byteAt(28) < 0) return UNREADABLE;
  return { width: u32be(byteAt, 16), height: u32be(byteAt, 20) };
}

// Start-of-frame markers carry the size; C4 (DHT), C8 (reserved) and CC (DAC) do not.
function isStartOfFrame(marker) {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

// Segments Go's decoder reads past before the frame (tables, restart interval, APPn, comment).
function isSkippedSegment(marker) {
  return marker === 0xc4 || marker === 0xcc || marker === 0xdb || marker === 0xdd || (marker >= 0xe0 && marker <= 0xef) || marker === 0xfe;
}

/**
 * Walks the segments the way Go's decoder does (stray bytes and fill bytes skipped) to the
 * first frame header. A marker Go would stop at makes the file unreadable here too.
 */
function jpegSize(byteAt) {
  let at = 2;
  let stray = 0;
  for (let segments = 0; segments < MAX_SEGMENTS; segments++) {
    while (byteAt(at) >= 0 && byteAt(at) !== 0xff) {
      at++;
      if (++stray > MAX_STRAY_BYTES) return UNREADABLE; // a real file has a few at most
    }
    while (byteAt(at) === 0xff) at++;
    const marker = byteAt(at);
    at++;
    if (marker === 0x00 || (marker >= 0xd0 && marker <= 0xd7)) continue; // no length
    if (marker < 0 || !(isStartOfFrame(marker) || isSkippedSegment(marker))) return UNREADABLE;
    const length = u16be(byteAt, at);
    if (length < 2) return UNREADABLE;
    if (isStartOfFrame(marker)) {
      if (byteAt(at + 6) < 0) return UNREADABLE;
      return { width: u16be(byteAt, at + 5), height: u16be(byteAt, at + 3) };
    }
    at += length;
  }
  return UNREADABLE;
}

function vp8Size(byteAt, at) {
  // a frame tag (3 bytes), the start code 9d 01 2a, then 14-bit width and height
  if (byteAt(at + 3) !== 0x9d || byteAt(at + 4) !== 0x01 || byteAt(at + 5) !== 0x2a || byteAt(at + 9) < 0) {
    return UNREADABLE;
  }
  return {
    width: (byteAt(at + 6) + byteAt(at + 7) * 0x100) & 0x3fff,
    height: (byteAt(at + 8) + byteAt(at + 9) * 0x100) & 0x3fff,
  };
}

function vp8lSize(byteAt, at) {
  // the signature 2f, then 14 bits of width - 1 and 14 bits of height - 1
  if (byteAt(at) !== 0x2f || byteAt(at + 4) < 0) return UNREADABLE;
  const bits = u32le(byteAt, at + 1);
  return { width: (bits % 0x4000) + 1, height: (Math.floor(bits / 0x4000) % 0x4000) + 1 };
}

function larger(a, b) {
  if (!a) return b;
  if (!b) return a;
  return a.width * a.height >= b.width * b.height ? a : b;
}

/**
 * WebP: chunks up to the first VP8 (lossy) or VP8L (lossless) frame, others skipped as Go
 * skips them. An extended file (VP8X) also states a canvas: Go sizes the frame by the
 * frame's own header and the transparency by the canvas, so the larger of the two counts.
 */
function webpSize(byteAt) {
  let at = 12;
  let canvas = null;
  for (let chunks = 0; chunks < MAX_SEGMENTS; chunks++) {
    if (byteAt(at + 7) < 0) return UNREADABLE;
    const length = u32le(byteAt, at + 4);
    const data = at + 8;
    if (startsWith(byteAt, at, "VP8 ") || startsWith(byteAt, at, "VP8L")) {
      const frame = startsWith(byteAt, at, "VP8L") ? vp8lSize(byteAt, data) : vp8Size(byteAt, data);
      return frame ? larger(canvas, frame) : UNREADABLE;
    }
    if (startsWith(byteAt, at, "VP8X")) {
      if (byteAt(data + 9) < 0) return UNREADABLE;
      canvas = larger(canvas, { width: u24le(byteAt, data + 4) + 1, height: u24le(byteAt, data + 7) + 1 });
    }
    at = data + length + (length % 2);
  }
  return UNREADABLE;
}

/**
 * `{format, width, height}` for a PNG, JPEG or WebP; `{format, width: 0, height: 0}` when it
 * starts like one but its size cannot be read; `null` for anything else (PocketBase's own
 * type check refuses that).
 */
function imageSize(read) {
  const byteAt = byteSource(read);
  let format;
  let size;
  if (startsWith(byteAt, 0, "\x89PNG\r\n\x1a\n")) {
    format = "png";
    size = pngSize(byteAt);
  } else if (byteAt(0) === 0xff && byteAt(1) === 0xd8 && byteAt(2) === 0xff) {
    format = "jpeg";
    size = jpegSize(byteAt);
  } else if (startsWith(byteAt, 0, "RIFF") && startsWith(byteAt, 8, "WEBP")) {
    format = "webp";
    size = webpSize(byteAt);
  } else {
    return null;
  }
  return size ? { format: format, width: size.width, height: size.height } : { format: format, width: 0, height: 0 };
}

module.exports = { imageSize };
