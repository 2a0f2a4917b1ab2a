/**
 * Applications for the list's browser tests: names with Kazakh letters in both cases, Russian ones and codes,
 * change times out of id order; and what the list's search means, read the slow way.
 */
import type { ListFilter } from '../../src/renderer/db/drafts.ts';
import type { DraftRecord, LocalState } from '../../src/renderer/db/records.ts';
import { emptyDraft } from '../../src/shared/application/draft.ts';
import { queryWords, searchWords } from '../../src/shared/search-words.ts';

// Names with Kazakh letters in both cases, Russian ones, codes: what officers type and search.
const brands = ['«Сүт Әлемі»', 'ҚЫМЫЗ Әсел', 'Дала Дәмі', 'Ұлы Дала', 'Іңкәр', 'Өрнек-Ғалым', 'Ёлка', 'Молочный край', 'Һас', 'Үлгі'];
const products = ['Молоко питьевое 2,5%', 'Сүт 3,2%', 'Кумыс', 'Шұбат', 'Айран', 'Қаймақ 20%', 'Шоколад молочный', 'Ірімшік', 'Сыр «Голландский»', 'Нан'];
const packs = ['1 л', '0,5 л', '900 г', '1 кг', '250 мл'];

export function record(index: number, base: number): DraftRecord {
  const draft = emptyDraft({ id: `app-${String(index).padStart(5, '0')}`, ...(index % 97 === 0 ? { editOfNtin: `0287${String(index).padStart(10, '0')}` } : {}) });
  const brand = brands[index % brands.length]!;
  const product = products[Math.floor(index / brands.length) % products.length]!;
  const pack = packs[index % packs.length]!;
  draft.values.base = {
    name_ru: `${product} ${brand} ${pack} №${String(index)}`,
    name_kk: `${product.toUpperCase()} ${brand} ${pack}`,
    ...(index % 4 === 0 ? { short_name_ru: `${product.slice(0, 12)} ${pack}` } : {}),
    gtin: `487${String(index).padStart(10, '0')}`,
    tnved: [`04${String(index % 7)}1${String(index % 1000).padStart(6, '0')}`],
    brand, // not searched: the list searches names and codes only
  };
  const localState: LocalState = index % 3 === 0 ? 'ready' : 'draft';
  // Unique change times, out of id order: the list's order is by `updatedAt`, not by id.
  const updatedAt = base + ((index * 7919) % 10_007);
  return { id: draft.id, localState, draft, ...(index % 5 === 0 ? { catalogue: { statusCode: index % 10 === 0 ? 'onModeration' : 'rejected' } } : {}), createdAt: updatedAt, updatedAt };
}

/** What the search means, read the slow way: every query word starts one of the words of the names or codes. */
export function bruteForce(records: readonly DraftRecord[], filter: ListFilter): string[] {
  const words = queryWords(filter.query);
  const text = (value: unknown) => (typeof value === 'string' ? value : Array.isArray(value) ? value.join(' ') : undefined);
  return records
    .filter((row) => {
      const base = row.draft.values.base;
      const own = searchWords(text(base['name_ru']), text(base['name_kk']), text(base['short_name_ru']), text(base['short_name_kk']), text(base['gtin']), text(base['ntin']), text(base['tnved']), row.draft.editOfNtin);
      return words.every((word) => own.some((candidate) => candidate.startsWith(word)));
    })
    .filter((row) => !filter.localState || row.localState === filter.localState)
    .filter((row) => !filter.statusCode || row.catalogue?.statusCode === filter.statusCode)
    .sort((a, b) => b.updatedAt - a.updatedAt)
    .map((row) => row.id);
}

