/** The pure rules of compacting the catalogue copy: what counts as waste, which blocks a step empties. */
import { describe, expect, it } from 'vitest';
import { compactionSlack, denseBlocks, liveCount, markDead, packBlocks, planCompaction, sortBucket, worthCompacting } from '../../../src/shared/inspection/copy-index.ts';
import type { CopyCard } from '../../../src/shared/inspection/copy-card.ts';

const card = (serial: number): CopyCard => ({
  key: `0200${String(serial).padStart(9, '0')}`,
  id: serial,
  ntin: `0200${String(serial).padStart(9, '0')}`,
  gtin: '',
  nameRu: `Товар ${serial}`,
  nameKk: `Тауар ${serial} Қ`,
  unit: 'шт',
  deactivated: false,
  social: false,
  modified: serial,
});

describe('compaction rules', () => {
  it('counts the live cards of a block (dead slots left out)', () => {
    const { blocks } = packBlocks(Array.from({ length: 10 }, (_, index) => card(index + 1)), 0);
    const block = blocks[0];
    if (!block) throw new Error('no block');
    expect(liveCount(block)).toBe(10);
    markDead(block, 3);
    markDead(block, 7);
    expect(liveCount(block)).toBe(8);
  });

  it('finds a fresh download not worth compacting, a copy a fifth above its dense size worth it', () => {
    // 1,000,000 cards in pages of 5000: 40 blocks a page (39 full and one of 8 cards).
    expect(denseBlocks(1_000_000)).toBe(7813);
    expect(worthCompacting(200 * 40, 1_000_000)).toBe(false);
    expect(worthCompacting(7813 + 1562, 1_000_000)).toBe(false);
    expect(worthCompacting(7813 + 1563, 1_000_000)).toBe(true);
    // Small copies: at least four blocks of waste before it is worth a step.
    expect(worthCompacting(denseBlocks(300) + 4, 300)).toBe(false);
    expect(worthCompacting(denseBlocks(300) + 5, 300)).toBe(true);
    expect(compactionSlack(1_000_000)).toBe(78);
    expect(compactionSlack(300)).toBe(1);
  });

  it('plans to empty the emptiest blocks first, just enough to come within the slack of the dense size', () => {
    // 1000 cards: 8 blocks dense, slack 1. Held: 7 full clean blocks (not listed) and these sparse ones.
    const sparse = new Map([
      [10, 120],
      [11, 3],
      [12, 64],
      [13, 3],
      [14, 100],
    ]);
    const cards = 7 * 128 + 120 + 3 + 64 + 3 + 100;
    expect(cards).toBe(1186);
    // 12 blocks held, 10 dense, slack 1: one block to free. 11 and 13 (6 cards) pack into one: frees one.
    expect(planCompaction(sparse, 12, cards)).toEqual([11, 13]);
    // Nothing above the slack: nothing to do.
    expect(planCompaction(sparse, denseBlocks(cards) + 1, cards)).toEqual([]);
    // More to free than the sparse blocks can give: all of them, ascending.
    expect(planCompaction(sparse, 40, cards)).toEqual([10, 11, 12, 13, 14]);
    // Blocks that would not pack into fewer are not worth moving.
    expect(planCompaction(new Map([[5, 127]]), 20, 1000)).toEqual([]);
    expect(planCompaction(new Map(), 20, 1000)).toEqual([]);
  });

  it('re-sorts a bucket whose refs moved (a GTIN key keeps its cards in ref order)', () => {
    const bucket = { id: 3, keys: ['#04870000000015', '#04870000000015', '0200000000015'], refs: [900, 17, 4] };
    expect(sortBucket(bucket)).toEqual({ id: 3, keys: ['#04870000000015', '#04870000000015', '0200000000015'], refs: [17, 900, 4] });
  });
});
