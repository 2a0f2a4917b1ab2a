import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../db/context.tsx';
import { setCurrentInspection, useInspectionList } from '../../db/inspections.ts';

/** Past and current inspections, searchable; choosing one opens it. */
export function HistoryTab({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const [query, setQuery] = useState('');
  const list = useInspectionList(query);
  return (
    <section className="inspection-history">
      <label className="search">
        {t('inspectionUi.history.search')}
        <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} data-testid="history-search" />
      </label>
      {list === undefined ? null : list.length === 0 ? (
        <p>{query ? t('inspectionUi.history.noMatch') : t('inspectionUi.history.none')}</p>
      ) : (
        <ul data-testid="history-list">
          {list.map((record) => (
            <li key={record.id} data-testid="history-item">
              <button
                type="button"
                onClick={() => {
                  void setCurrentInspection(db, record.id).then(onOpen);
                }}
              >
                {record.date} · {record.organisation.name || '—'} ({record.organisation.idNumber || '—'}) · {record.place || '—'} · {t(`inspectionUi.session.${record.status}`)} ·{' '}
                {t('inspectionUi.history.items', { count: record.items.length })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
