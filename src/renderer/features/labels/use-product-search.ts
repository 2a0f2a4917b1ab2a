/**
 * One scan's search: local results at once, catalogue results when the host answers (by code, or by words
 * where the connection offers the catalogue's name search). A newer scan makes
 * the answers of an older one irrelevant, so they are dropped.
 */
import { useCallback, useRef, useState } from 'react';
import type { Bridge } from '../../../shared/bridge.ts';
import { useDatabase } from '../../db/context.tsx';
import { findLocalByCode, findLocalByWords } from '../../db/label-queue.ts';
import { classifyQuery, mergeCandidates, type LabelProblem, type ProductCandidate, type ScanQuery } from '../../../shared/labels/light.ts';
import { findInCatalogue, findInCatalogueByWords, wordSearchUnavailable } from '../../../shared/labels/catalogue-search.ts';

export type CatalogueState =
  | { readonly status: 'asking' }
  | { readonly status: 'answered' }
  /** Words, and this connection offers no name search (no export API): only this computer was searched. */
  | { readonly status: 'unavailable'; readonly reason: string }
  | { readonly status: 'unreachable'; readonly reason: string };

export type SearchState =
  | { readonly status: 'idle' }
  | { readonly status: 'refused'; readonly input: string; readonly problem: LabelProblem }
  | { readonly status: 'searching'; readonly query: ScanQuery }
  | { readonly status: 'found'; readonly query: ScanQuery; readonly candidates: readonly ProductCandidate[]; readonly catalogue: CatalogueState };

/** Translates a catalogue failure for the offline notice; the key is the catalogue namespace's own. */
export type CatalogueReason = (error: unknown) => string;

export function useProductSearch(bridge: Bridge, catalogueReason: CatalogueReason) {
  const db = useDatabase();
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const latest = useRef(0);

  const search = useCallback(
    /** Resolves with the search's final state, or null when a newer search (or a reset) overtook it. */
    async (raw: string): Promise<SearchState | null> => {
      const query = classifyQuery(raw);
      const id = ++latest.current;
      const publish = (next: SearchState): SearchState | null => {
        if (id !== latest.current) return null;
        setState(next);
        return next;
      };
      if (query === null) return publish({ status: 'idle' });
      if (query.kind === 'refused') return publish({ status: 'refused', input: query.input, problem: query.problem });
      publish({ status: 'searching', query });
      const local = query.kind === 'words' ? await findLocalByWords(db, query.input) : await findLocalByCode(db, query.digits);
      publish({ status: 'found', query, candidates: local, catalogue: { status: 'asking' } });
      try {
        const cards = query.kind === 'words' ? await findInCatalogueByWords(bridge, query.input) : await findInCatalogue(bridge, query.digits);
        return publish({ status: 'found', query, candidates: mergeCandidates(local, cards), catalogue: { status: 'answered' } });
      } catch (error) {
        // Offline, or no name search on this connection: the local results still stand, with the reason beside them.
        const status = query.kind === 'words' && wordSearchUnavailable(error) ? 'unavailable' : 'unreachable';
        return publish({ status: 'found', query, candidates: local, catalogue: { status, reason: catalogueReason(error) } });
      }
    },
    [db, bridge, catalogueReason],
  );

  const reset = useCallback(() => {
    latest.current += 1;
    setState({ status: 'idle' });
  }, []);

  return { state, search, reset };
}
