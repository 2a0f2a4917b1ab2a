import { describe, expect, it } from 'vitest';
import { gs1CheckDigit } from '../../../src/shared/codes/gs1.ts';
import { WedgeReader, wedgeTiming } from '../../../src/shared/inspection/wedge-timing.ts';

const withCheck = (body: string) => body + String(gs1CheckDigit(body));

interface Typed {
  key: string;
  at: number;
}

/**
 * Drives the reader as the page does: the timer fires when the held characters are due (before any later key),
 * released characters go into the field, a passed character lands where the focus is, a passed Enter acts.
 */
function run(keys: readonly Typed[], inTextField = true, options: { field?: string; timerLateMs?: number } = {}) {
  const reader = new WedgeReader();
  let field = options.field ?? '';
  const scans: string[] = [];
  const enters: string[] = [];
  const taken: string[] = [];
  const fire = (until: number) => {
    const due = reader.releaseAt;
    // The page's timer fires just after the due time (later on a busy machine).
    const firesAt = (due ?? 0) + 1 + (options.timerLateMs ?? 0);
    if (due === undefined || firesAt >= until) return;
    field += reader.expire(firesAt) ?? '';
  };
  for (const typed of keys) {
    fire(typed.at);
    const step = reader.key({ key: typed.key, at: typed.at, inTextField });
    field += step.release ?? '';
    if (step.action === 'scan') scans.push(step.code ?? '');
    else if (step.action === 'take') taken.push(typed.key);
    else if (typed.key === 'Enter') enters.push(field);
    else if ([...typed.key].length === 1 && inTextField) field += typed.key;
  }
  fire(Number.POSITIVE_INFINITY);
  return { field, scans, enters, taken };
}

/** A scanner's burst: each character `gapMs` after the last, then Enter. */
function burst(code: string, from: number, gapMs = 4): Typed[] {
  return [...code, 'Enter'].map((key, index) => ({ key, at: from + index * gapMs }));
}

/** A person's typing: `gapMs` between keys. */
function typing(text: string, from: number, gapMs = 160): Typed[] {
  return [...text].map((key, index) => ({ key, at: from + index * gapMs }));
}

const ntin = withCheck('020000001234');
const gtin = withCheck('487000000123');

describe('wedge scanner with the focus in a text field', () => {
  it('reads a burst as a scan and leaves the field exactly as it was', () => {
    const result = run(burst(ntin, 1000), true, { field: 'Сөреде' });
    expect(result.scans).toEqual([ntin]);
    expect(result.field).toBe('Сөреде');
  });

  it('gives a person’s slow typing back to the field, every character in order', () => {
    const result = run(typing('Бағасы 12 тг, Ұлы', 0));
    expect(result.scans).toEqual([]);
    expect(result.field).toBe('Бағасы 12 тг, Ұлы');
  });

  it('keeps a person’s digits, even a code typed by hand and ended with Enter: the field acts on them', () => {
    const result = run([...typing(gtin, 0, 120), { key: 'Enter', at: 0 + gtin.length * 120 }]);
    expect(result.scans).toEqual([]);
    expect(result.enters).toEqual([gtin]);
  });

  it('puts held characters back before a quick Enter, so the field’s own Enter sees them', () => {
    // A person types the last digit and Enter 30 ms apart (within a burst's gap): the digit is in before Enter acts.
    const keys = [...typing('12345', 0, 150), { key: '6', at: 800 }, { key: 'Enter', at: 830 }];
    expect(run(keys).enters).toEqual(['123456']);
  });

  it('twenty codes in two seconds into a note field: none lost, none merged, the note untouched', () => {
    const codes = Array.from({ length: 20 }, (_, index) => withCheck(`0200000${String(10_000 + index * 37)}`));
    const keys = [...typing('Сөре', 0), ...codes.flatMap((code, index) => burst(code, 1000 + index * 100, 6)), ...typing('де', 3200)];
    const result = run(keys);
    expect(result.scans).toEqual(codes);
    expect(result.field).toBe('Сөреде');
  });

  it('a person’s key just before a burst stays the person’s when a pause separates them', () => {
    const keys = [{ key: 'x', at: 0 }, ...burst(ntin, 0 + wedgeTiming.burstGapMs + 20)];
    const result = run(keys);
    expect(result.scans).toEqual([ntin]);
    expect(result.field).toBe('x');
  });

  it('a fast run shorter than any code is typing, not a scan', () => {
    const result = run(burst('123', 0));
    expect(result.scans).toEqual([]);
    expect(result.enters).toEqual(['123']);
  });

  it('a pause inside a run breaks it: the characters go to the field, the Enter acts', () => {
    // After the pause, five characters and Enter: too short for a code.
    const keys = [...burst(ntin, 0).slice(0, 8), ...burst(ntin.slice(8), 8 * 4 + wedgeTiming.burstGapMs + 30)];
    const result = run(keys);
    expect(result.scans).toEqual([]);
    expect(result.enters).toEqual([ntin]);
  });

  it('a gap of exactly the limit still joins a burst; one more millisecond does not', () => {
    const limit = wedgeTiming.burstGapMs;
    expect(run(burst(ntin, 0, limit)).scans).toEqual([ntin]);
    expect(run(burst(ntin, 0, limit + 1)).scans).toEqual([]);
    expect(run(burst(ntin, 0, limit + 1)).enters).toEqual([ntin]);
  });

  it('editing keys and shortcuts give the held characters back first', () => {
    const reader = new WedgeReader();
    expect(reader.key({ key: '7', at: 0, inTextField: true })).toEqual({ action: 'take' });
    expect(reader.key({ key: 'Backspace', at: 5, inTextField: true })).toEqual({ action: 'pass', release: '7' });
    expect(reader.key({ key: '8', at: 10, inTextField: true })).toEqual({ action: 'take' });
    expect(reader.key({ key: 'v', at: 12, inTextField: true, shortcut: true })).toEqual({ action: 'pass', release: '8' });
    expect(reader.releaseAt).toBeUndefined();
  });

  it('Shift inside a burst neither breaks it nor lands anywhere', () => {
    const keys = burst('(01)04870000001236', 0).flatMap((typed) => (typed.key === '(' || typed.key === ')' ? [{ key: 'Shift', at: typed.at }, typed] : [typed]));
    expect(run(keys).scans).toEqual(['(01)04870000001236']);
  });

  it('a held-down key (auto-repeat) is a person', () => {
    const reader = new WedgeReader();
    expect(reader.key({ key: '1', at: 0, inTextField: true })).toEqual({ action: 'take' });
    expect(reader.key({ key: '1', at: 30, inTextField: true, repeat: true })).toEqual({ action: 'pass', release: '1' });
  });

  it('the held characters are due once a burst gap has passed since the last key, not before', () => {
    const reader = new WedgeReader();
    reader.key({ key: 'a', at: 100, inTextField: true });
    expect(reader.releaseAt).toBe(100 + wedgeTiming.burstGapMs);
    expect(reader.expire(100 + wedgeTiming.burstGapMs)).toBeUndefined();
    expect(reader.expire(100 + wedgeTiming.burstGapMs + 0.5)).toBe('a');
    expect(reader.expire(1000)).toBeUndefined();
  });

  it('a late timer changes nothing: the next key’s own time stamp decides', () => {
    const result = run([...typing('ab', 0), ...burst(ntin, 2000)], true, { timerLateMs: 40 });
    expect(result.field).toBe('ab');
    expect(result.scans).toEqual([ntin]);
  });
});

describe('wedge scanner with the focus on no text field', () => {
  it('reads a burst as a scan', () => {
    expect(run(burst(ntin, 0), false).scans).toEqual([ntin]);
  });

  it('also reads codes typed at a person’s pace (the screen has no field to lose them to)', () => {
    const result = run([...typing(gtin, 0, 200), { key: 'Enter', at: gtin.length * 200 }], false);
    expect(result.scans).toEqual([gtin]);
  });

  it('drops stray keys before a pause', () => {
    const result = run([...typing('12', 0, 100), ...burst(ntin, 100 + wedgeTiming.strayGapMs + 1)], false);
    expect(result.scans).toEqual([ntin]);
  });

  it('a short run with Enter is no scan, and the Enter acts', () => {
    const result = run(burst('1234', 0), false);
    expect(result.scans).toEqual([]);
    expect(result.enters).toHaveLength(1);
  });

  it('lets the first character act (Space on a button), keeps the following ones from the page', () => {
    const result = run(burst(ntin, 0), false);
    expect(result.taken).toHaveLength(ntin.length - 1);
  });

  it('twenty codes in two seconds: none lost, none merged', () => {
    const codes = Array.from({ length: 20 }, (_, index) => withCheck(`4870000${String(20_000 + index)}`));
    expect(run(codes.flatMap((code, index) => burst(code, index * 100, 6)), false).scans).toEqual(codes);
  });

  it('the focus moving into a field mid-run starts afresh there', () => {
    const reader = new WedgeReader();
    reader.key({ key: '4', at: 0, inTextField: false });
    reader.key({ key: '8', at: 4, inTextField: false });
    for (const [index, key] of [...ntin].entries()) expect(reader.key({ key, at: 8 + index * 4, inTextField: true }).release).toBeUndefined();
    expect(reader.key({ key: 'Enter', at: 8 + ntin.length * 4, inTextField: true })).toEqual({ action: 'scan', code: ntin });
  });
});

describe('the focus leaving a field', () => {
  it('gives everything held back at once, and nothing when nothing is held', () => {
    const reader = new WedgeReader();
    reader.key({ key: 'Қ', at: 0, inTextField: true });
    reader.key({ key: 'ұ', at: 10, inTextField: true });
    expect(reader.flush()).toBe('Құ');
    expect(reader.flush()).toBeUndefined();
    reader.key({ key: '1', at: 100, inTextField: false });
    expect(reader.flush()).toBeUndefined();
  });
});

describe('a busy page whose timer runs before the burst’s next key is handled', () => {
  it('takes the characters given back too early out of the field again, and reads the scan', () => {
    const reader = new WedgeReader();
    const keys = burst(ntin, 0, 3);
    expect(reader.key({ key: keys[0]?.key ?? '', at: 0, inTextField: true })).toEqual({ action: 'take' });
    expect(reader.key({ key: keys[1]?.key ?? '', at: 3, inTextField: true })).toEqual({ action: 'take' });
    // The page was busy for 200 ms: its timer runs first, although the third key (stamped at 6 ms) is waiting.
    expect(reader.expire(200)).toBe(ntin.slice(0, 2));
    expect(reader.key({ key: keys[2]?.key ?? '', at: 6, inTextField: true })).toEqual({ action: 'take', reclaim: ntin.slice(0, 2) });
    let last = reader.key({ key: keys[3]?.key ?? '', at: 9, inTextField: true });
    for (const typed of keys.slice(4)) last = reader.key({ key: typed.key, at: typed.at, inTextField: true });
    expect(last).toEqual({ action: 'scan', code: ntin });
  });

  it('a person’s next key after the timer is no reclaim: it came after a pause', () => {
    const reader = new WedgeReader();
    reader.key({ key: 'a', at: 0, inTextField: true });
    expect(reader.expire(300)).toBe('a');
    expect(reader.key({ key: 'b', at: 160, inTextField: true })).toEqual({ action: 'take' });
  });

  it('an early-given run that ends as typing stays in the field, with nothing taken out', () => {
    const reader = new WedgeReader();
    reader.key({ key: '1', at: 0, inTextField: true });
    reader.key({ key: '2', at: 5, inTextField: true });
    expect(reader.expire(200)).toBe('12');
    expect(reader.key({ key: 'Backspace', at: 10, inTextField: true })).toEqual({ action: 'pass' });
    reader.key({ key: '3', at: 500, inTextField: true });
    expect(reader.expire(900)).toBe('3');
    expect(reader.key({ key: 'Enter', at: 520, inTextField: true })).toEqual({ action: 'pass' });
  });

  it('the focus leaving the field makes what was given back final', () => {
    const reader = new WedgeReader();
    reader.key({ key: '1', at: 0, inTextField: true });
    expect(reader.expire(200)).toBe('1');
    expect(reader.flush()).toBeUndefined();
    expect(reader.key({ key: '2', at: 10, inTextField: true })).toEqual({ action: 'take' });
  });
});
