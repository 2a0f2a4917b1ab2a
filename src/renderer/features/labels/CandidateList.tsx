import { useTranslation } from 'react-i18next';
import { printableCodes, type CodeKind, type ProductCandidate } from '../../../shared/labels/light.ts';

interface CandidateListProps {
  candidates: readonly ProductCandidate[];
  selectedKey: string;
  onSelect: (key: string) => void;
  codeKindOf: (candidate: ProductCandidate) => CodeKind;
  onCodeKind: (candidate: ProductCandidate, kind: CodeKind) => void;
  nameOf: (candidate: ProductCandidate) => string;
}

/**
 * The products a scan found. A GTIN may belong to several cards, so the user picks one; a product with both
 * an NTIN and a GTIN lets the user pick which one the label carries.
 */
export function CandidateList({ candidates, selectedKey, onSelect, codeKindOf, onCodeKind, nameOf }: CandidateListProps) {
  const { t, i18n } = useTranslation();
  const several = candidates.length > 1;
  return (
    <fieldset className="labels-candidate-list">
      <legend>{t('printQueue.scan.results')}</legend>
      <ul>
        {candidates.map((candidate) => {
          const codes = printableCodes(candidate);
          const name = nameOf(candidate);
          const otherName = i18n.language === 'kk' ? candidate.nameRu : candidate.nameKk;
          const details = [[candidate.quantity, candidate.unit].filter(Boolean).join(' '), candidate.producer, candidate.country].filter(Boolean).join(' · ');
          return (
            <li key={candidate.key} className="labels-candidate" aria-current={candidate.key === selectedKey ? 'true' : undefined} data-testid="label-candidate">
              {several && (
                <input type="radio" name="label-candidate" checked={candidate.key === selectedKey} onChange={() => onSelect(candidate.key)} aria-label={t('printQueue.scan.choose', { name })} />
              )}
              <div className="labels-candidate-body">
                <strong data-catalogue-data>{name}</strong>
                {otherName && otherName !== name && <span className="labels-muted" data-catalogue-data>
                    {otherName}
                  </span>}
                {details && <span data-catalogue-data>{details}</span>}
                <span className="labels-source">{t(`printQueue.source.${candidate.partial ? 'cataloguePartial' : candidate.source}`)}</span>
                {codes.length > 1 ? (
                  <span className="labels-code-choice" role="radiogroup" aria-label={t('printQueue.scan.printAs')}>
                    {codes.map(({ kind, code }) => (
                      <label key={kind}>
                        <input
                          type="radio"
                          name={`code-${candidate.key}`}
                          checked={codeKindOf(candidate) === kind}
                          onChange={() => {
                            onSelect(candidate.key);
                            onCodeKind(candidate, kind);
                          }}
                          data-testid={`label-code-${kind}`}
                        />
                        {kind.toUpperCase()} <code>{code}</code>
                      </label>
                    ))}
                  </span>
                ) : (
                  codes.map(({ kind, code }) => (
                    <span key={kind}>
                      {kind.toUpperCase()} <code>{code}</code>
                    </span>
                  ))
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
