import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { verdictKey, type Verdict } from '../../../shared/inspection/index.ts';
import { formatDate, formatNumber } from '../../app/format.ts';

export interface ScanEntry {
  seq: number;
  verdict: Verdict;
  /** Lookup time, ms. */
  ms: number;
  /** The copy the verdict came from (stamped on the result, domain-rules §9.3 step 4). */
  copyDate: string | undefined;
}

/** One verdict: its colour and words, and what the copy says about the code. Memoised: a new scan renders only its own card. */
export const VerdictCard = memo(function VerdictCard({ entry }: { entry: ScanEntry }) {
  const { t, i18n } = useTranslation();
  const { verdict } = entry;
  const copyDate = entry.copyDate ? formatDate(entry.copyDate, i18n.language) : '—';
  return (
    <li className={`verdict verdict-${verdict.kind}`} data-testid="verdict" data-verdict={verdict.kind} data-code={verdict.input} data-ms={entry.ms.toFixed(3)}>
      <div className="verdict-head">
        <strong className="verdict-words">{t(verdictKey(verdict.kind))}</strong>
        <code>{verdict.input}</code>
        <small>
          {t('inspectionUi.scan.took', { ms: formatNumber(entry.ms, i18n.language, { maximumFractionDigits: 1, minimumFractionDigits: 1 }) })} · {copyDate}
        </small>
      </div>
      {verdict.kind === 'invalid' ? (
        <p>{t(verdict.problem.key, 'params' in verdict.problem ? verdict.problem.params : {})}</p>
      ) : verdict.cards.length === 0 ? (
        <p>{t(verdict.kind === 'not-yet-in-copy' ? 'inspection.explain.notYetInCopy' : 'inspection.explain.notFound', { date: copyDate })}</p>
      ) : (
        <>
          {verdict.kind === 'several' ? <p>{t('inspection.explain.several', { count: verdict.cards.filter((card) => !card.deactivated).length })}</p> : null}
          {verdict.kind === 'deactivated' ? <p>{t('inspection.explain.deactivated')}</p> : null}
          <ul className="verdict-cards">
            {verdict.cards.map((card) => (
              <li key={card.key} className={card.deactivated ? 'card-deactivated' : undefined}>
                <span lang="kk">{card.nameKk}</span> / <span lang="ru">{card.nameRu}</span>
                <br />
                <small>
                  {t('inspectionUi.scan.ntin')} {card.ntin} · {t('inspectionUi.scan.gtin')} {card.gtin || '—'} · {t('inspectionUi.scan.unit')} <span data-catalogue-data>{card.unit || '—'}</span>
                  {card.deactivated ? ` · ${t('inspectionUi.scan.deactivatedCard')}` : ''}
                </small>
              </li>
            ))}
          </ul>
        </>
      )}
    </li>
  );
});
