import { useTranslation } from 'react-i18next';
import type { ConformityDocumentType } from '../../../shared/application/draft.ts';
import { checkNumber, needsEaeuNumber } from './document-form.ts';

/** What the number says, as it is typed: its canonical spelling, type and issuing country, or why it is wrong. */
export function NumberCheck({ number, type, id }: { number: string; type: ConformityDocumentType; id: string }) {
  const { t } = useTranslation();
  const check = checkNumber({ number, type });
  if (!check) return null;
  if (check.valid) {
    return (
      <p id={id} className="number-check valid" data-testid="document-number-check" data-type={check.type} data-country={check.country}>
        {t('documents.numberCheck.valid', {
          normalized: check.normalized,
          detected: t(`documents.detected.${check.type}`),
          country: t(`documents.country.${check.country}`),
          union: t(`documents.union.${check.union}`),
        })}
      </p>
    );
  }
  return (
    <p id={id} className={`number-check ${needsEaeuNumber(type) ? 'invalid' : 'neutral'}`} data-testid="document-number-check" role={needsEaeuNumber(type) ? 'alert' : undefined}>
      {needsEaeuNumber(type) ? t(check.reason.key, check.reason.params ?? {}) : t('documents.numberCheck.notRequired')}
    </p>
  );
}
