/**
 * The whole catalogue in one `.ncgsnap`: every card of the export feed, page after page, what `ncg snapshot pull`
 * writes (and what the benchmarks prepare their copies with).
 */
import type { createExportClient } from '../catalogue/export-client.ts';
import { advanceCopyInfo, copyCardFromRow, emptyCopyInfo, type CopyCard, type CopyInfo } from './copy-card.ts';
import { createSnapshotWriter } from './snapshot.ts';

export interface SnapshotPullOptions {
  /** Cards per feed page (the feed allows 1 to 5,000). */
  limit: number;
  /** The copy's date written into the file: when the pull started, by default. */
  copyDate?: string;
  /** Each page's cards as they come, with the count written so far. */
  onCards?: (cards: readonly CopyCard[], written: number) => void;
}

/** Pulls the feed from its start; a failed page throws the client's `CatalogueError`. */
export async function pullSnapshot(client: Pick<ReturnType<typeof createExportClient>, 'pages'>, options: SnapshotPullOptions): Promise<{ bytes: Uint8Array; info: CopyInfo }> {
  const copyDate = options.copyDate ?? new Date().toISOString();
  const writer = createSnapshotWriter();
  let info = emptyCopyInfo;
  for await (const page of client.pages({ from: 0, limit: options.limit })) {
    const cards = page.rows.map(copyCardFromRow).filter((card): card is CopyCard => card !== undefined);
    writer.add(cards);
    info = advanceCopyInfo(info, cards, cards.length);
    options.onCards?.(cards, writer.count);
  }
  const bytes = await writer.finish({ copyDate, cursor: info.cursor, maxNtinSerial: info.maxNtinSerial });
  return { bytes, info };
}
