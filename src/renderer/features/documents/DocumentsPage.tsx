import { useTranslation } from 'react-i18next';

/** The organisation's register of conformity documents (being built). */
export function DocumentsPage() {
  const { t } = useTranslation();
  return <h1>{t('ui.nav.documents')}</h1>;
}
