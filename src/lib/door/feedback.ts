// Sound and vibration for a verdict, so the host hears and feels it without looking.
import type { Verdict } from '$lib/pocketbase/types';

let audio: AudioContext | null = null;

function tone(frequency: number, startAt: number, seconds: number) {
  if (!audio) return;
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  oscillator.frequency.value = frequency;
  gain.gain.setValueAtTime(0.25, audio.currentTime + startAt);
  gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + startAt + seconds);
  oscillator.connect(gain).connect(audio.destination);
  oscillator.start(audio.currentTime + startAt);
  oscillator.stop(audio.currentTime + startAt + seconds);
}

/** Call from a user gesture (starting the camera) so browsers allow sound later. */
export function unlockSound() {
  try {
    audio ??= new AudioContext();
    void audio.resume();
  } catch {
    audio = null;
  }
}

export function signal(verdict: Verdict) {
  const good = verdict === 'admitted';
  if (good) tone(1320, 0, 0.12);
  else {
    tone(330, 0, 0.18);
    tone(330, 0.24, 0.18);
  }
  navigator.vibrate?.(good ? 60 : [180, 90, 180]);
}
