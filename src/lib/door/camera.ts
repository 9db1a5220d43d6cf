// The camera at the door: the browser's own BarcodeDetector where it has one (no extra
// code to load), else html5-qrcode, loaded only now. Reports every decoded text; the
// screen decides what to do with repeats.
export interface Camera {
  stop(): Promise<void>;
  /** undefined when the camera has no torch */
  setTorch?: (on: boolean) => Promise<void>;
}

interface DetectorLike {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}

async function nativeDetector(): Promise<DetectorLike | null> {
  const Detector = (
    globalThis as { BarcodeDetector?: { new (o: { formats: string[] }): DetectorLike; getSupportedFormats(): Promise<string[]> } }
  ).BarcodeDetector;
  if (!Detector) return null;
  const formats = await Detector.getSupportedFormats().catch(() => [] as string[]);
  return formats.includes('qr_code') ? new Detector({ formats: ['qr_code'] }) : null;
}

function torchOf(track: MediaStreamTrack | undefined): Camera['setTorch'] {
  const capabilities = track?.getCapabilities?.() as { torch?: boolean } | undefined;
  if (!track || !capabilities?.torch) return undefined;
  return (on) => track.applyConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] });
}

export async function startCamera(host: HTMLElement, onDecoded: (text: string) => void): Promise<Camera> {
  const detector = await nativeDetector();
  if (detector) {
    const video = document.createElement('video');
    video.setAttribute('playsinline', '');
    video.muted = true;
    host.replaceChildren(video);
    const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    video.srcObject = stream;
    await video.play();
    let running = true;
    const loop = async () => {
      while (running) {
        const codes = await detector.detect(video).catch(() => []);
        for (const code of codes) onDecoded(code.rawValue);
        await new Promise((r) => setTimeout(r, 80));
      }
    };
    void loop();
    return {
      async stop() {
        running = false;
        stream.getTracks().forEach((t) => t.stop());
        host.replaceChildren();
      },
      setTorch: torchOf(stream.getVideoTracks()[0]),
    };
  }

  const { Html5Qrcode, Html5QrcodeSupportedFormats } = await import('./html5-qrcode');
  host.id ||= 'door-camera';
  const scanner = new Html5Qrcode(host.id, { formatsToSupport: [Html5QrcodeSupportedFormats.QR_CODE], verbose: false });
  await scanner.start(
    { facingMode: 'environment' },
    { fps: 12, qrbox: (w: number, h: number) => ({ width: Math.floor(Math.min(w, h) * 0.9), height: Math.floor(Math.min(w, h) * 0.9) }) },
    (text: string) => onDecoded(text),
    () => undefined, // no code in this frame: normal
  );
  const capabilities = scanner.getRunningTrackCapabilities() as { torch?: boolean };
  return {
    async stop() {
      await scanner.stop().catch(() => undefined);
      scanner.clear();
    },
    setTorch: capabilities.torch
      ? (on) => scanner.applyVideoConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] })
      : undefined,
  };
}
