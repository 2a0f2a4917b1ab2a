import { useCallback, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bridge } from '../../../shared/bridge.ts';
import { isCatalogueError } from '../../../shared/catalogue/errors.ts';
import { errorText } from '../../app/errors.ts';
import { CandidateList } from './CandidateList.tsx';
import { DEFAULT_MAX_COPIES, checkLabelItem, defaultCodeKind, labelProductFor, printableCodes, type CodeKind, type LabelProduct, type ProductCandidate } from '../../../shared/labels/light.ts';
import { useProblemText } from './problem-text.ts';
import { useDigitsGoToScanField } from './scanner-focus.ts';
import { completeFromCatalogue } from '../../../shared/labels/catalogue-search.ts';
import { useProductSearch } from './use-product-search.ts';

/** `partlyAdded`: added, but without the card's details the catalogue could not give. */
type Notice = { readonly kind: 'added' | 'partlyAdded' | 'refused'; readonly text: string };

/**
 * Scanning and adding. A keyboard-wedge scanner types the digits and Enter into the focused field, so the
 * field keeps the focus: after each search its text stays selected (the next scan replaces it), and after
 * each add the focus comes back to it.
 */
export function ScanPanel({ bridge, onAdd }: { bridge: Bridge; onAdd: (product: LabelProduct) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const problemText = useProblemText();
  const catalogueReason = useCallback(
    (error: unknown) =>
      isCatalogueError(error)
        ? t(error.messageKey, { codes: error.attributeCodes.join(', '), operation: error.operation ?? '' })
        : t(errorText(error).key, errorText(error).params ?? {}),
    [t],
  );
  const { state, search, reset } = useProductSearch(bridge, catalogueReason);
  const scanRef = useRef<HTMLInputElement>(null);
  useDigitsGoToScanField(scanRef);
  // The field's text as of now, for code that runs after an await (a state variable would be stale there).
  const typed = useRef('');
  const [query, setQuery] = useState('');
  const [copies, setCopies] = useState('1');
  const [quickAdd, setQuickAdd] = useState(false);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [codeKinds, setCodeKinds] = useState<Readonly<Record<string, CodeKind>>>({});
  const [notice, setNotice] = useState<Notice | null>(null);

  const candidates = state.status === 'found' ? state.candidates : [];
  const selected = candidates.find((candidate) => candidate.key === selectedKey) ?? candidates[0];
  const nameOf = (candidate: ProductCandidate) =>
    (i18n.language === 'kk' ? candidate.nameKk || candidate.nameRu : candidate.nameRu || candidate.nameKk) || t('printQueue.scan.noName');

  const changeQuery = (text: string) => {
    typed.current = text;
    setQuery(text);
  };

  /**
   * Adds the product. `searched` is the text its search ran for: the field and the results are cleared only
   * if the field still holds it — a scan typed meanwhile must not be wiped.
   */
  const add = async (found: ProductCandidate, kind: CodeKind, copiesText: string, searched: string) => {
    // Found by words: the catalogue's search row has names and codes; the card gives the rest.
    let candidate = found;
    let missingDetails: string | null = null;
    if (found.partial) {
      try {
        candidate = await completeFromCatalogue(bridge, found);
      } catch (error) {
        missingDetails = catalogueReason(error);
      }
    }
    const code = printableCodes(candidate).find((option) => option.kind === kind)?.code ?? printableCodes(candidate)[0]?.code;
    if (code === undefined) {
      setNotice({ kind: 'refused', text: t('printQueue.scan.noCode') });
      return;
    }
    // The core's own check: a wrong check digit, a GTIN-8 or GTIN-14, or bad copies are refused here, at add time.
    const check = checkLabelItem({ ...labelProductFor(candidate, code, 1), copies: copiesText });
    if (!check.ok) {
      const reasons = check.problems.map(({ problem }) => problemText(problem)).join(' ');
      setNotice({ kind: 'refused', text: t('printQueue.scan.refused', { code, reason: reasons }) });
      return;
    }
    try {
      await onAdd(labelProductFor(candidate, code, check.item.copies));
    } catch (error) {
      // The queue could not be stored (a full disk, a closed database): say so; the scan stays in the field.
      const reason = errorText(error);
      setNotice({ kind: 'refused', text: t(reason.key, reason.params ?? {}) });
      return;
    }
    const added = t('printQueue.scan.added', { name: nameOf(candidate), copies: check.item.copies });
    setNotice(missingDetails === null ? { kind: 'added', text: added } : { kind: 'partlyAdded', text: `${added} ${t('printQueue.scan.detailsMissing', { reason: missingDetails })}` });
    setCopies('1');
    if (typed.current.trim() === searched.trim()) {
      changeQuery('');
      reset();
    }
    scanRef.current?.focus();
  };

  const submitScan = async (event: FormEvent) => {
    event.preventDefault();
    const submitted = typed.current;
    // Selected at once, so the next scan replaces this code even while this one is still being looked up.
    scanRef.current?.select();
    setNotice(null);
    setSelectedKey(null);
    setCodeKinds({});
    const result = await search(submitted);
    if (result === null) return; // a newer scan took over
    if (result.status === 'refused') {
      setNotice({ kind: 'refused', text: t('printQueue.scan.refused', { code: result.input, reason: problemText(result.problem) }) });
      return;
    }
    const [only] = result.status === 'found' ? result.candidates : [];
    if (quickAdd && result.status === 'found' && result.candidates.length === 1 && only) {
      await add(only, defaultCodeKind(only, result.query), copies, submitted);
    }
  };

  const addSelected = () => {
    if (!selected || state.status !== 'found') return;
    void add(selected, codeKinds[selected.key] ?? defaultCodeKind(selected, state.query), copies, state.query.input);
  };

  return (
    <section className="labels-panel labels-scan" aria-labelledby="labels-scan-title">
      <h2 id="labels-scan-title" className="visually-hidden">{t('printQueue.scan.label')}</h2>
      <form className="labels-scan-form" onSubmit={(event) => void submitScan(event)}>
        <label className="field">
          <span>{t('printQueue.scan.label')}</span>
          <input
            ref={scanRef}
            type="search"
            inputMode="search"
            autoComplete="off"
            spellCheck={false}
            autoFocus
            value={query}
            placeholder={t('printQueue.scan.placeholder')}
            onChange={(event) => changeQuery(event.target.value)}
            data-testid="label-scan"
          />
        </label>
        {/* Beside the scan field, so it can be set ahead of a (quick-add) scan. */}
        <label className="field labels-copies">
          <span>{t('printQueue.scan.copies')}</span>
          <input
            type="number"
            min={1}
            max={DEFAULT_MAX_COPIES}
            step={1}
            value={copies}
            onChange={(event) => setCopies(event.target.value)}
            onKeyDown={(event) => {
              if (event.key !== 'Enter') return;
              event.preventDefault();
              // With a product found, Enter adds it; with none yet (copies set ahead of a scan), back to scanning.
              if (selected && state.status === 'found') addSelected();
              else scanRef.current?.focus();
            }}
            data-testid="label-copies"
          />
        </label>
        <button type="submit" data-testid="label-find">{t('printQueue.scan.find')}</button>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={quickAdd}
            onChange={(event) => {
              setQuickAdd(event.target.checked);
              scanRef.current?.focus(); // back to scanning
            }}
            data-testid="label-quick-add"
          />
          <span>{t('printQueue.scan.quickAdd')}</span>
        </label>
      </form>

      <div aria-live="polite">
        {notice && (
          <p
            className={{ refused: 'labels-error', added: 'labels-ok', partlyAdded: 'notice' }[notice.kind]}
            role={notice.kind === 'added' ? 'status' : 'alert'}
            data-testid={notice.kind === 'refused' ? 'scan-refusal' : 'scan-added'}
          >
            {notice.text}
          </p>
        )}
        {state.status === 'searching' && <p className="labels-muted">{t('printQueue.scan.searching')}</p>}
        {state.status === 'found' && state.catalogue.status === 'asking' && <p className="labels-muted" data-testid="scan-asking">{t('printQueue.scan.searchingCatalogue')}</p>}
        {state.status === 'found' && state.catalogue.status === 'unreachable' && (
          <p className="notice" data-testid="scan-offline">{t('printQueue.scan.offline', { reason: state.catalogue.reason })}</p>
        )}
        {state.status === 'found' && state.catalogue.status === 'unavailable' && (
          <p className="notice" data-testid="scan-words-local-only">{t('printQueue.scan.wordsLocalOnly')}</p>
        )}
        {state.status === 'found' && candidates.length === 0 && state.catalogue.status !== 'asking' && (
          <p data-testid="scan-nothing">{t(state.catalogue.status === 'answered' ? 'printQueue.scan.nothing' : 'printQueue.scan.nothingLocal', { query: state.query.input })}</p>
        )}
      </div>

      {state.status === 'found' && selected && (
        <form
          className="labels-candidates"
          onSubmit={(event) => {
            event.preventDefault();
            addSelected();
          }}
        >
          <CandidateList
            candidates={candidates}
            selectedKey={selected.key}
            onSelect={setSelectedKey}
            codeKindOf={(candidate) => codeKinds[candidate.key] ?? defaultCodeKind(candidate, state.query)}
            onCodeKind={(candidate, kind) => setCodeKinds((current) => ({ ...current, [candidate.key]: kind }))}
            nameOf={nameOf}
          />
          <button type="submit" className="labels-add" data-testid="label-add">{t('printQueue.scan.add')}</button>
        </form>
      )}
    </section>
  );
}
