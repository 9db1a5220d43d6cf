// A fake camera for scanning tests (TOOLCHAIN.md): Chromium plays a Y4M file as the
// webcam; each code is drawn as a QR on white, 40–70 % of the frame height.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import { CHROMIUM_ARGS } from '../../playwright.config';

export const cameraFile = path.join(os.tmpdir(), `coffice-camera-${process.pid}.y4m`);

export const CAMERA_ARGS = [
  ...CHROMIUM_ARGS,
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  `--use-file-for-fake-video-capture=${cameraFile}`,
];

// A real camera never sends the same frame twice: the hand's angle, the distance and noise
// change what the decoder sees, so a frame it cannot read is followed by one it can. The
// fake camera loops its file, so the file holds a few frames of the code, turned and sized
// a little differently. With one perfectly square frame repeated forever, ZXing (the
// fallback decoder) could not read ~1 code in 50 at all — it reads them all once turned.
const LOOKS = [
  { scale: 5, angle: 0 },
  { scale: 4, angle: 10 },
  { scale: 5, angle: -15 },
  { scale: 3, angle: 0 },
];

/** Puts `text` in front of the fake camera (restart the camera to see it). */
export async function showToCamera(text: string): Promise<void> {
  const inputs: string[] = [];
  const frames: string[] = [];
  for (const [i, { scale, angle }] of LOOKS.entries()) {
    const png = path.join(os.tmpdir(), `coffice-camera-${process.pid}-${i}.png`);
    await QRCode.toFile(png, text, { errorCorrectionLevel: 'M', margin: 4, scale });
    inputs.push('-i', png);
    frames.push(`[${i}]pad=320:240:(ow-iw)/2:(oh-ih)/2:white,rotate=${angle}*PI/180:fillcolor=white[f${i}]`);
  }
  const all = LOOKS.map((_, i) => `[f${i}]`).join('');
  execFileSync('ffmpeg', [
    '-y',
    '-loglevel',
    'error',
    ...inputs,
    '-filter_complex',
    `${frames.join(';')};${all}concat=n=${LOOKS.length}:v=1:a=0,format=yuv420p`,
    '-f',
    'yuv4mpegpipe',
    `${cameraFile}.tmp`,
  ]);
  fs.renameSync(`${cameraFile}.tmp`, cameraFile);
}
