import { describe, expect, it } from 'vitest';
import { SelectTypeAhead, typeAheadTimeoutMs, type TypeAheadOption } from '../../../src/shared/inspection/select-type-ahead.ts';

const categories: TypeAheadOption[] = ['Micro business', 'Small business', 'Medium business', 'Large business', 'Non-profit'];

/** Types `text` one key every `gapMs` from `from` on the list, as the page plays it; returns the labels selected after each key. */
function typeOn(options: readonly TypeAheadOption[], text: string, selected = 0, from = 10_000, gapMs = 150, search = new SelectTypeAhead()) {
  const shown: (string | undefined)[] = [];
  [...text].forEach((character, index) => {
    selected = search.type(character, from + index * gapMs, options, selected) ?? selected;
    shown.push(options[selected]);
  });
  return shown;
}

describe("a drop-down list's type-ahead, played back for what a person typed", () => {
  it('the letters typed select the first option from the selected one on that starts with them, case folded', () => {
    expect(typeOn(categories, 'me')).toEqual(['Medium business', 'Medium business']);
    expect(typeOn(categories, 'LA')).toEqual(['Large business', 'Large business']);
    expect(typeOn(categories, 'n')).toEqual(['Non-profit']);
  });

  it('the same letter again moves on to the next option starting with it, wrapping around', () => {
    expect(typeOn(categories, 'mmm')).toEqual(['Medium business', 'Micro business', 'Medium business']);
  });

  it('a pause longer than the timeout starts a new search', () => {
    const search = new SelectTypeAhead();
    expect(typeOn(categories, 's', 0, 10_000, 150, search)).toEqual(['Small business']);
    expect(search.active(10_000 + typeAheadTimeoutMs)).toBe(true);
    expect(search.active(10_001 + typeAheadTimeoutMs)).toBe(false);
    // "sl" would match nothing; after the pause "l" is a search of its own.
    expect(typeOn(categories, 'l', 1, 10_000 + typeAheadTimeoutMs + 1, 150, search)).toEqual(['Large business']);
  });

  it('matches Kazakh labels, ignores leading spaces, skips options that cannot be chosen, and leaves the value when none matches', () => {
    const kazakh: TypeAheadOption[] = ['Шағын кәсіпкерлік', '  Өзге', undefined, 'Ірі кәсіпкерлік', 'Орта кәсіпкерлік'];
    expect(typeOn(kazakh, 'ө')).toEqual(['  Өзге']);
    expect(typeOn(kazakh, 'І')).toEqual(['Ірі кәсіпкерлік']);
    expect(typeOn(['Alpha', undefined, 'Beta'], 'b', 0)).toEqual(['Beta']);
    expect(typeOn(categories, '4', 2)).toEqual(['Medium business']);
    expect(new SelectTypeAhead().type('a', 0, [], -1)).toBeUndefined();
  });

  it('a search with a space goes on across words', () => {
    expect(typeOn(['New Mexico', 'New York', 'Newark'], 'new y', 2)).toEqual(['New Mexico', 'New Mexico', 'New Mexico', 'New Mexico', 'New York']);
  });

  it('save() puts the search back as it was (characters reclaimed for a scan)', () => {
    const search = new SelectTypeAhead();
    expect(search.type('m', 0, categories, 0)).toBe(2);
    const restore = search.save();
    expect(search.type('4', 20, categories, 2)).toBeUndefined();
    restore();
    // The search is "m" again: "e" continues it.
    expect(search.type('e', 40, categories, 2)).toBe(2);
    expect(search.type('d', 60, categories, 2)).toBe(2);
  });
});
