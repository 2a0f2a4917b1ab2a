import { useTranslation } from 'react-i18next';
import type { CopyState } from '../../db/catalogue-copy.ts';
import { copyAgeDays } from './hooks.ts';
import { formatCount, formatDateTime } from '../../app/format.ts';

/** The copy's date and size, shown with every verdict; a warning when it is older than the limit. */
export function CopyAge({ copy, staleDays }: { copy: CopyState | undefined; staleDays: number }) {
  const { t, i18n } = useTranslation();
  if (!copy?.copyDate) return <p className="copy-age copy-age-none" data-testid="copy-age">{t('inspection.copyAge.none')}</p>;
  const days = copyAgeDays(copy.copyDate) ?? 0;
  const date = formatDateTime(copy.copyDate, i18n.language);
  return (
    <p className="copy-age" data-testid="copy-age">
      {t('inspection.copyAge.age', { date, count: formatCount(copy.count, i18n.language) })}
      {days > staleDays ? (
        <strong className="copy-stale" role="status" data-testid="copy-stale">
          {' '}
          {t('inspection.copyAge.stale', { days, limit: staleDays })}
        </strong>
      ) : null}
    </p>
  );
}
