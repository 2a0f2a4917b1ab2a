import { useTranslation } from 'react-i18next';
import type { CopyState } from '../../db/catalogue-copy.ts';
import { copyAgeDays } from './hooks.ts';

/** The copy's date and size, shown with every verdict; a warning when it is older than the limit. */
export function CopyAge({ copy, staleDays }: { copy: CopyState | undefined; staleDays: number }) {
  const { t, i18n } = useTranslation();
  if (!copy?.copyDate) return <p className="copy-age copy-age-none" data-testid="copy-age">{t('inspection.copyAge.none')}</p>;
  const days = copyAgeDays(copy.copyDate) ?? 0;
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(copy.copyDate));
  return (
    <p className="copy-age" data-testid="copy-age">
      {t('inspection.copyAge.age', { date, count: new Intl.NumberFormat(i18n.language).format(copy.count) })}
      {days > staleDays ? (
        <strong className="copy-stale" role="status" data-testid="copy-stale">
          {' '}
          {t('inspection.copyAge.stale', { days, limit: staleDays })}
        </strong>
      ) : null}
    </p>
  );
}
