// A fake camera for scanning tests (TOOLCHAIN.md): Chromium plays a Y4M file as the
// webcam; each code is drawn as a QR on white, about 60 % of the frame height.
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

/** Puts `text` in front of the fake camera (restart the camera to see it). */
export async function showToCamera(text: string): Promise<void> {
  const png = path.join(os.tmpdir(), `coffice-camera-${process.pid}.png`);
  await QRCode.toFile(png, text, { errorCorrectionLevel: 'M', margin: 4, width: 144 });
  execFileSync('ffmpeg', [
    '-y', '-loglevel', 'error', '-i', png,
    '-vf', 'pad=320:240:(ow-iw)/2:(oh-ih)/2:white',
    '-pix_fmt', 'yuv420p', '-frames:v', '1', '-f', 'yuv4mpegpipe', `${cameraFile}.tmp`,
  ]);
  fs.renameSync(`${cameraFile}.tmp`, cameraFile);
}
