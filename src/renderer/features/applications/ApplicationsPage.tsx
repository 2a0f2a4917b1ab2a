import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../app/components/EmptyState.tsx';
import { KazakhLetters } from '../../app/components/KazakhLetters.tsx';

export function ApplicationsPage() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <h1>{t('ui.applications.title')}</h1>
      <div className="search">
        <input
          ref={searchRef}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder={t('ui.applications.search')}
          aria-label={t('ui.applications.search')}
        />
        <KazakhLetters target={() => searchRef.current} />
      </div>
      <EmptyState title={t('ui.applications.emptyTitle')} body={t('ui.applications.emptyBody')} />
    </>
  );
}
