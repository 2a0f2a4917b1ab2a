/**
 * One scan's search: local results at once, catalogue results when the host answers. A newer scan makes
 * the answers of an older one irrelevant, so they are dropped.
 */
import { useCallback, useRef, useState } from 'react';
import type { Bridge } from '../../../shared/bridge.ts';
import { useDatabase } from '../../db/context.tsx';
import { findLocalByCode, findLocalByWords } from '../../db/label-queue.ts';
import { classifyQuery, mergeCandidates, type LabelProblem, type ProductCandidate, type ScanQuery } from '../../../shared/labels/light.ts';
import { findInCatalogue } from './product-search.ts';

export type CatalogueState =
  | { readonly status: 'asking' }
  | { readonly status: 'answered' }
  /** Words are searched locally only: the catalogue is looked up by code. */
  | { readonly status: 'not-asked' }
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
      if (query.kind === 'words') {
        return publish({ status: 'found', query, candidates: await findLocalByWords(db, query.input), catalogue: { status: 'not-asked' } });
      }
      const local = await findLocalByCode(db, query.digits);
      publish({ status: 'found', query, candidates: local, catalogue: { status: 'asking' } });
      try {
        const cards = await findInCatalogue(bridge, query.digits);
        return publish({ status: 'found', query, candidates: mergeCandidates(local, cards), catalogue: { status: 'answered' } });
      } catch (error) {
        // Offline (or the catalogue refuses us): the local results still stand, with the reason beside them.
        return publish({ status: 'found', query, candidates: local, catalogue: { status: 'unreachable', reason: catalogueReason(error) } });
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
