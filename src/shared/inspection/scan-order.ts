/**
 * Scans answered out of order, handed on in the order they were scanned. A code with a bad check digit is
 * answered at once while the one scanned before it still waits for the copy: the inspection record must list
 * them as they were scanned. Scans are numbered from 1; a scan that ended without a result (`null`) holds
 * no later scan back.
 */
export class ScanOrder<Result> {
  /** Answered scans not yet handed on; null for those without a result or already handed on by `release`. */
  private readonly answered = new Map<number, Result | null>();
  private next = 1;

  /** Records scan `seq`'s result; returns every result now due, in scan order. An answer given twice counts once. */
  answer(seq: number, result: Result | null): Result[] {
    const due: Result[] = [];
    if (seq < this.next || this.answered.has(seq)) return due;
    this.answered.set(seq, result);
    while (this.answered.has(this.next)) {
      const held = this.answered.get(this.next);
      this.answered.delete(this.next);
      this.next += 1;
      if (held !== null && held !== undefined) due.push(held);
    }
    return due;
  }

  /**
   * Every result answered but still held behind an unanswered scan, in scan order, handed on now (the page is
   * leaving: an answered scan must not be lost with it). The unanswered scans keep their places: one answered later
   * is handed on then, and the scans after it that were not released still wait for it.
   */
  release(): Result[] {
    const due: Result[] = [];
    for (const seq of [...this.answered.keys()].sort((a, b) => a - b)) {
      const held = this.answered.get(seq);
      if (held === null || held === undefined) continue;
      due.push(held);
      this.answered.set(seq, null);
    }
    return due;
  }
}
