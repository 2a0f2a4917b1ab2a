import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../app/components/EmptyState.tsx';

export function LabelsPage() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('ui.labels.title')}</h1>
      <EmptyState title={t('ui.labels.emptyTitle')} body={t('ui.labels.emptyBody')} />
    </>
  );
}
