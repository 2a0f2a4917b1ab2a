import type { VerdictKind } from '../../../shared/inspection/index.ts';

/** Each verdict's own tone: high and short for registered, low and long for a violation. */
const tones: Record<VerdictKind, { hz: number; ms: number }> = {
  registered: { hz: 1320, ms: 90 },
  several: { hz: 990, ms: 160 },
  deactivated: { hz: 520, ms: 260 },
  'not-found': { hz: 300, ms: 420 },
  'not-yet-in-copy': { hz: 660, ms: 260 },
  invalid: { hz: 220, ms: 200 },
};

/** After this long without a tone the audio output is suspended: a running output costs CPU (and battery) even silent. */
const IDLE_MS = 3000;

let context: AudioContext | undefined;
let idleTimer: ReturnType<typeof setTimeout> | undefined;

function suspendWhenIdle(afterMs: number): void {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => void context?.suspend().catch(() => undefined), afterMs);
}

/**
 * Starts the audio output ahead of the first verdict (called on the screen's first key or click: browsers start
 * audio only after a user gesture), so that no scan waits for the audio device to open.
 */
export function prepareSound(): void {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume().catch(() => undefined);
    suspendWhenIdle(IDLE_MS);
  } catch {
    // No audio device: the colour and the words still say it.
  }
}

export function playVerdict(kind: VerdictKind): void {
  try {
    prepareSound();
    if (!context) return;
    const tone = tones[kind];
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = tone.hz;
    gain.gain.value = 0.08;
    oscillator.connect(gain).connect(context.destination);
    oscillator.start();
    oscillator.stop(context.currentTime + tone.ms / 1000);
    suspendWhenIdle(tone.ms + IDLE_MS);
  } catch {
    // No audio device: the colour and the words still say it.
  }
}
