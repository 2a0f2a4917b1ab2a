/**
 * Scans answered out of order, handed on in the order they were scanned. A code with a bad check digit is
 * answered at once while the one scanned before it still waits for the copy: the inspection record must list
 * them as they were scanned. Scans are numbered from 1; a scan that ended without a result (`null`) holds
 * no later scan back.
 */
export class ScanOrder<Result> {
  private readonly answered = new Map<number, Result | null>();
  private next = 1;

  /** Records scan `seq`'s result; returns every result now due, in scan order. */
  answer(seq: number, result: Result | null): Result[] {
    const due: Result[] = [];
    if (seq < this.next) return due;
    this.answered.set(seq, result);
    while (this.answered.has(this.next)) {
      const held = this.answered.get(this.next);
      this.answered.delete(this.next);
      this.next += 1;
      if (held !== null && held !== undefined) due.push(held);
    }
    return due;
  }
}
