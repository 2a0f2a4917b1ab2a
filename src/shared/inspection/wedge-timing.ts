/**
 * Telling a keyboard-wedge scanner from a person by typing speed. A wedge scanner types a code's characters in a
 * burst (a few milliseconds apart) and then Enter; a person types tens of milliseconds apart at the very fastest,
 * and never a whole code plus Enter that way.
 *
 * Two situations:
 * - the focus is in no text field ("screen"): every character is collected; Enter after at least `minLength`
 *   characters is a scan. A pause longer than `strayGapMs` drops what was collected (stray keys).
 * - the focus is in a text field or on a drop-down list ("field"): the field must keep exactly what the person
 *   typed (a list: its type-ahead, played back by the page from what is given back). Each character is
 *   held back; while the next one follows within `burstGapMs` they are held together; Enter within `burstGapMs`
 *   after at least `minLength` of them makes them a scan (the field never sees them). Anything else (a pause, a
 *   short run, another key) gives the held characters back to the field, in order, before that key acts. A person
 *   typing sees each character `burstGapMs` late at most.
 *
 * Pure rules: times are the key events' time stamps in milliseconds; the caller owns the DOM and the timer.
 */

export interface WedgeTiming {
  /** The longest pause between two keys of one scanner burst. */
  readonly burstGapMs: number;
  /** Outside text fields, a pause longer than this drops the characters collected so far. */
  readonly strayGapMs: number;
  /** The shortest code a scan can carry (EAN-8 is the shortest product code; shorter runs are typing). */
  readonly minLength: number;
}

export const wedgeTiming: WedgeTiming = { burstGapMs: 50, strayGapMs: 500, minLength: 6 };

export interface WedgeKey {
  /** KeyboardEvent.key. */
  readonly key: string;
  /** The event's time stamp, ms. */
  readonly at: number;
  /** The focus is in a field that takes text (input, textarea, contenteditable) or on a drop-down list (its type-ahead). */
  readonly inTextField: boolean;
  /** Ctrl, Alt or Meta is held: a shortcut, never part of a scan. */
  readonly shortcut?: boolean;
  /** An auto-repeated key (a key held down): a person, never a scanner. */
  readonly repeat?: boolean;
  /** Part of an input-method composition. */
  readonly composing?: boolean;
}

export interface WedgeStep {
  /**
   * pass: the key does what it would do anyway; take: the key is kept from the page (part of a possible scan);
   * scan: the key ends a scan of `code` and is kept from the page.
   */
  readonly action: 'pass' | 'take' | 'scan';
  readonly code?: string;
  /** Characters held back from the text field, to put into it now, before this key acts. */
  readonly release?: string;
  /**
   * Characters given back to the field too early (the page was busy, its timer ran before the burst's next key was
   * handled although that key came in time): they were a scan's, to take out of the field again.
   */
  readonly reclaim?: string;
}

/** Keys that only change other keys: they neither break nor join a burst. */
const modifierKeys = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock', 'Fn']);

function isCharacter(key: string): boolean {
  return [...key].length === 1;
}

export class WedgeReader {
  private buffer = '';
  private lastAt = Number.NEGATIVE_INFINITY;
  /** The buffer is held back from a text field (rather than collected from the screen). */
  private holding = false;
  /** The last characters the timer gave back, and the time of the last of them. */
  private expired: { text: string; lastAt: number } | undefined;

  constructor(private readonly timing: WedgeTiming = wedgeTiming) {}

  /** After this time the held characters go back to the field, unless another key comes first; undefined when none are held. */
  get releaseAt(): number | undefined {
    return this.holding && this.buffer !== '' ? this.lastAt + this.timing.burstGapMs : undefined;
  }

  key(input: WedgeKey): WedgeStep {
    if (modifierKeys.has(input.key)) return { action: 'pass' };
    const expired = this.expired;
    this.expired = undefined;
    if (input.shortcut || input.repeat || input.composing || input.key === 'Process' || input.key === 'Dead') return this.interrupted();
    if (!input.inTextField) return this.onScreen(input);
    // The timer gave characters back, yet this key follows the last of them within a burst's gap: they go on.
    const reclaimed = expired && this.buffer === '' && input.at - expired.lastAt <= this.timing.burstGapMs ? expired : undefined;
    if (!reclaimed) return this.inField(input);
    this.buffer = reclaimed.text;
    this.holding = true;
    this.lastAt = reclaimed.lastAt;
    const step = this.inField(input);
    // Taken back and given back at once: the field keeps them as they are.
    if (step.release?.startsWith(reclaimed.text)) return withRelease({ action: step.action, ...(step.code === undefined ? {} : { code: step.code }) }, step.release.slice(reclaimed.text.length) || undefined);
    return { ...step, reclaim: reclaimed.text };
  }

  /** The held characters, when their time is up at `now` (the caller's timer); they go back to the field. */
  expire(now: number): string | undefined {
    const due = this.releaseAt;
    if (due === undefined || now <= due) return undefined;
    const lastAt = this.lastAt;
    const text = this.reset();
    if (text !== undefined) this.expired = { text, lastAt };
    return text;
  }

  /** Everything held back, now (the focus is leaving the field); the field gets it back, for good. */
  flush(): string | undefined {
    this.expired = undefined;
    return this.holding ? this.reset() : undefined;
  }

  private inField({ key, at }: WedgeKey): WedgeStep {
    // Characters collected from the screen before the focus came here are not this field's.
    if (!this.holding) this.drop();
    const fast = this.buffer !== '' && at - this.lastAt <= this.timing.burstGapMs;
    if (key === 'Enter') {
      if (fast && this.buffer.length >= this.timing.minLength) return this.scan(undefined);
      return withRelease({ action: 'pass' }, this.reset());
    }
    if (!isCharacter(key)) return withRelease({ action: 'pass' }, this.reset());
    // A pause before this character: those held so far were typed by a person.
    const late = fast ? undefined : this.reset();
    this.holding = true;
    this.buffer += key;
    this.lastAt = at;
    return withRelease({ action: 'take' }, late);
  }

  private onScreen({ key, at }: WedgeKey): WedgeStep {
    const release = this.holding ? this.reset() : undefined;
    if (at - this.lastAt > this.timing.strayGapMs) this.buffer = '';
    this.lastAt = at;
    if (key === 'Enter') {
      if (this.buffer.length >= this.timing.minLength) return this.scan(release);
      this.buffer = '';
      return withRelease({ action: 'pass' }, release);
    }
    if (!isCharacter(key)) return withRelease({ action: 'pass' }, release);
    this.buffer += key;
    // The first character may be a person's key press (Space on a button); from the second on it is a scan's.
    return withRelease({ action: this.buffer.length > 1 ? 'take' : 'pass' }, release);
  }

  private scan(release: string | undefined): WedgeStep {
    const code = this.buffer;
    this.buffer = '';
    this.holding = false;
    return withRelease({ action: 'scan', code }, release);
  }

  private interrupted(): WedgeStep {
    return withRelease({ action: 'pass' }, this.holding ? this.reset() : this.drop());
  }

  /** Forgets what was collected from the screen (nothing to give back). */
  private drop(): undefined {
    this.buffer = '';
    return undefined;
  }

  /** Empties the buffer; returns what was held back from a field. */
  private reset(): string | undefined {
    const held = this.holding && this.buffer !== '' ? this.buffer : undefined;
    this.buffer = '';
    this.holding = false;
    return held;
  }
}

function withRelease(step: WedgeStep, release: string | undefined): WedgeStep {
  return release === undefined ? step : { ...step, release };
}
