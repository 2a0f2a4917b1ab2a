/**
 * A drop-down list's type-ahead: typing the first letters of an option selects it. While the Inspection screen
 * reads a keyboard-wedge scanner, keys typed on a focused `<select>` are held back until their speed tells a
 * person from a scanner (wedge-timing.ts); the browser never sees the ones a person typed, so the page plays them
 * back through this rule, which follows Chromium's own:
 * - keys more than `typeAheadTimeoutMs` apart start a new search;
 * - the same letter typed again moves on to the next option starting with it (cycling, wrapping around);
 * - otherwise the first option from the selected one on (wrapping around) whose label starts with everything typed
 *   in this search, leading white space ignored, case folded.
 *
 * Pure: labels and the selected index in, the index to select out; the caller owns the element.
 */

export const typeAheadTimeoutMs = 1000;

/** An option as the search sees it: its label, or undefined when it cannot be chosen (disabled). */
export type TypeAheadOption = string | undefined;

export class SelectTypeAhead {
  private typed = '';
  private lastAt = Number.NEGATIVE_INFINITY;
  /** The letter a cycling search repeats (set while the search is one letter, typed once or again and again). */
  private repeating: string | undefined;

  /** A search is under way at `at`: a Space then searches on (labels with spaces) rather than opening the list. */
  active(at: number): boolean {
    return this.typed !== '' && at - this.lastAt <= typeAheadTimeoutMs;
  }

  /** `character` typed at `at`; returns the index of the option to select, or undefined when none matches. */
  type(character: string, at: number, options: readonly TypeAheadOption[], selected: number): number | undefined {
    if (!this.active(at)) {
      this.typed = '';
      this.repeating = undefined;
    }
    this.lastAt = at;
    const folded = fold(character);
    this.typed += folded;
    if (options.length === 0) return undefined;
    let prefix: string;
    // Cycling looks past the selected option; a longer search may stay on it.
    let startOffset = 1;
    if (folded === this.repeating) {
      prefix = folded;
    } else if (this.typed !== folded) {
      prefix = this.typed;
      this.repeating = undefined;
      startOffset = 0;
    } else {
      prefix = folded;
      this.repeating = folded;
    }
    const start = (Math.max(selected, 0) + startOffset) % options.length;
    for (let step = 0; step < options.length; step += 1) {
      const index = (start + step) % options.length;
      const label = options[index];
      if (label !== undefined && fold(label.trimStart()).startsWith(prefix)) return index;
    }
    return undefined;
  }

  /** What this search holds, to put back when characters played back turn out to have been a scanner's. */
  save(): () => void {
    const { typed, lastAt, repeating } = this;
    return () => {
      this.typed = typed;
      this.lastAt = lastAt;
      this.repeating = repeating;
    };
  }
}

function fold(text: string): string {
  return text.toLowerCase();
}
