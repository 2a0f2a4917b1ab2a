import { useTranslation } from 'react-i18next';

/** Exports the selected applications to XLSX (being built). */
export function ExportSelectedButton({ ids }: { ids: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <button type="button" disabled>
      {t('ui.applications.selected', { count: ids.length })}
    </button>
  );
}
