/** The pure rules of compacting the catalogue copy: what counts as waste, which blocks a step empties. */
import { describe, expect, it } from 'vitest';
import { blockSize, compactionSlack, compactionSources, denseBlocks, liveCount, markDead, packBlocks, worthCompacting } from '../../../src/shared/inspection/copy-index.ts';
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

  it('empties the emptiest blocks first, up to the step budget, at least one block', () => {
    const sparse = new Map([
      [10, 120],
      [11, 3],
      [12, 64],
      [13, 3],
      [14, 127],
    ]);
    expect(compactionSources(sparse, 10, 100)).toEqual([11, 13, 12]);
    expect(compactionSources(sparse, 2, 10_000)).toEqual([11, 13]);
    expect(compactionSources(sparse, 10, 10_000)).toEqual([11, 13, 12, 10, 14]);
    // A block fuller than the budget is still taken alone, so every step moves something.
    expect(compactionSources(new Map([[5, blockSize]]), 10, 16)).toEqual([5]);
    expect(compactionSources(new Map(), 10, 100)).toEqual([]);
  });
});
