/**
 * A small catalogue behind a bridge for the forms-refresh tests: the base attribute schema and three dictionaries
 * (OKTRU empty, TNVED 150 items, COUNTRY 120), each call answered after a few milliseconds. Every call is
 * recorded with its input and timing; `failing(operation)` makes that call answer a network error, as an
 * unreachable catalogue does.
 */
import type { Bridge, CatalogueCallResult } from '../../src/shared/bridge.ts';

export interface CatalogueCall {
  operation: string;
  input: Record<string, unknown>;
  startedAt: number;
  endedAt: number;
}

/** The calls of one full refresh: attributes, the list, OKTRU 1 page, TNVED 2, COUNTRY 2. */
export const refreshCalls = 7;

export function smallCatalogue(failing: (operation: string) => boolean = () => false): { bridge: Bridge; calls: CatalogueCall[] } {
  const items = (prefix: string, count: number) =>
    Array.from({ length: count }, (_, index) => ({ id: index + 1, code: `${prefix}${index}`, hasChild: false, nameRu: `Название ${index}`, nameKk: `Атауы ${index} Әә`, isDeleted: false }));
  const dictionaries: Record<string, ReturnType<typeof items>> = { OKTRU: [], TNVED: items('0401', 150), COUNTRY: items('C', 120) };
  const calls: CatalogueCall[] = [];
  const call = async ({ operation, input }: { operation: string; input: Record<string, unknown> }): Promise<CatalogueCallResult> => {
    const record: CatalogueCall = { operation, input, startedAt: performance.now(), endedAt: Number.NaN };
    calls.push(record);
    await new Promise((resolve) => setTimeout(resolve, 5));
    record.endedAt = performance.now();
    if (failing(operation)) return { ok: false, error: { kind: 'network', message: 'unreachable', messageKey: 'catalogue.errors.network', retryable: true, operation } as never };
    switch (operation) {
      case 'attributes':
        return { ok: true, value: [{ code: 'name_ru', dataType: 'string', nameRu: 'Наименование', nameKk: 'Атауы' }] };
      case 'getAllDictionaries':
        return { ok: true, value: Object.keys(dictionaries).map((code) => ({ code, nameRu: code, nameKk: code })) };
      case 'getItems': {
        const all = dictionaries[String(input['dictionaryCode'])] ?? [];
        const size = Number(input['size']);
        const page = Number(input['page']);
        return { ok: true, value: { content: all.slice((page - 1) * size, page * size), totalPages: Math.max(1, Math.ceil(all.length / size)), totalElements: all.length, number: page, size } };
      }
      default:
        throw new Error(`unexpected ${operation}`);
    }
  };
  return { bridge: { catalogue: { call } } as unknown as Bridge, calls };
}
