import { useTranslation } from 'react-i18next';

/** Bulk import of applications from CSV/XLSX (being built). */
export function ImportPage() {
  const { t } = useTranslation();
  return <h1>{t('ui.applications.import')}</h1>;
}
