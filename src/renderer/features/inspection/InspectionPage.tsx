import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../app/components/EmptyState.tsx';

export function InspectionPage() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('ui.inspection.title')}</h1>
      <EmptyState title={t('ui.inspection.emptyTitle')} body={t('ui.inspection.emptyBody')} />
    </>
  );
}
