import { useVirtualizer } from '@tanstack/react-virtual';
import { lazy, Suspense, useDeferredValue, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { attributeCodes, nameCodeFor } from '../../../shared/application/attribute-codes.ts';
import { findValue } from '../../../shared/application/draft.ts';
import { formatCount } from '../../app/format.ts';
import { EmptyState } from '../../app/components/EmptyState.tsx';
import { KazakhLetters } from '../../app/components/KazakhLetters.tsx';
import { navigate, routeHref, useLocation } from '../../app/router.ts';
import { useDatabase } from '../../db/context.tsx';
import { useDraftCount, useDraftRecordsById, useMatchingDraftIds } from '../../db/hooks.ts';
import { localStates, type DraftRecord, type LocalState } from '../../db/records.ts';
import { purgeExpiredTrash } from '../../db/trash.ts';
import { useTrashCount } from '../../db/trash-hooks.ts';
import { CatalogueFormsOffer } from './CatalogueFormsOffer.tsx';
import { DeleteApplicationsButton, DeletionNotice } from './DeleteApplications.tsx';
import { EditCardForm } from './EditCardForm.tsx';
import { TrashPage } from './TrashPage.tsx';
import './applications.css';

// The list is the first screen; the editor (photos, PDFs) loads when opened.
const ApplicationEditor = lazy(() => import('./ApplicationEditor.tsx').then((module) => ({ default: module.ApplicationEditor })));

export interface ApplicationsPageProps {
  /** What the list offers for the selected applications (the app shell passes the export button). */
  selectionActions?: (ids: readonly string[]) => ReactNode;
}

/**
 * `#/applications` (the list), `#/applications/new/<fresh id>` (an empty form, stored once something is typed;
 * the address then becomes the application's own), `#/applications/trash` and `#/applications/<id>` (the editor).
 */
export function ApplicationsPage({ selectionActions }: ApplicationsPageProps) {
  const { t } = useTranslation();
  const { rest } = useLocation();
  const [id, second] = rest;
  if (!id) return <ApplicationsList selectionActions={selectionActions} />;
  if (id === 'trash') return <TrashPage />;
  if (id === 'new' && !second) return <FreshId />;
  const isNew = id === 'new';
  return (
    <Suspense fallback={<p>{t('ui.loading')}</p>}>
      <ApplicationEditor id={isNew && second ? second : id} isNew={isNew} />
    </Suspense>
  );
}

/** Gives "New application" its id in the address, so a second tab or a reload opens the same form. */
function FreshId() {
  useEffect(() => {
    window.location.replace(routeHref('applications', 'new', crypto.randomUUID()));
  }, []);
  return null;
}

// Once per page load: what was deleted more than 30 days ago goes for good, with its photos.
let trashPurged = false;

const rowHeight = 44;

function text(record: DraftRecord, code: string): string {
  const value = findValue(record.draft, code)?.value;
  return typeof value === 'string' ? value : Array.isArray(value) ? value.join(', ') : '';
}

function ApplicationsList({ selectionActions }: ApplicationsPageProps) {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const trashCount = useTrashCount();
  useEffect(() => {
    if (trashPurged) return;
    trashPurged = true;
    void purgeExpiredTrash(db).catch(() => {
      trashPurged = false; // tried again on the next visit
    });
  }, [db]);
  const [query, setQuery] = useState('');
  const [localState, setLocalStateFilter] = useState<LocalState | ''>('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const deferredQuery = useDeferredValue(query);
  const searchRef = useRef<HTMLInputElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const total = useDraftCount();
  const rows = useMatchingDraftIds({ query: deferredQuery, localState });
  const ids = rows?.ids;
  // Until the whole order is read (a few ms at 10,000), rows past the first screen are empty placeholders.
  const complete = rows !== undefined && rows.ids.length === rows.count;
  const rowCount = rows?.count ?? 0;
  const virtualizer = useVirtualizer({ count: rowCount, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 10 });
  const visible = virtualizer.getVirtualItems();
  const visibleIds = visible.map((row) => ids?.[row.index]).filter((value): value is string => Boolean(value));
  const records = useDraftRecordsById(visibleIds);

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allSelected = complete && Boolean(ids?.length) && ids!.every((id) => selected.has(id));
  const nameCode = nameCodeFor(i18n.language);

  return (
    <>
      <h1>{t('ui.applications.title')}</h1>
      <div className="list-toolbar">
        <button type="button" data-testid="new-application" onClick={() => navigate('applications', 'new')}>
          {t('ui.applications.new')}
        </button>
        <a href={routeHref('applications', 'import')} className="button">{t('ui.applications.import')}</a>
        <select aria-label={t('ui.applications.stateFilter')} value={localState} onChange={(event) => setLocalStateFilter(event.target.value as LocalState | '')}>
          <option value="">{t('ui.applications.allStates')}</option>
          {localStates.map((state) => (
            <option key={state} value={state}>
              {t(`ui.localState.${state}`)}
            </option>
          ))}
        </select>
        {selected.size > 0 && <span data-testid="selected-count">{t('ui.applications.selected', { count: formatCount(selected.size, i18n.language) })}</span>}
        {selected.size > 0 && selectionActions?.([...selected])}
        {selected.size > 0 && <DeleteApplicationsButton ids={[...selected]} afterDelete="stay" onDeleted={(trashed) => setSelected((current) => new Set([...current].filter((one) => !trashed.includes(one))))} />}
        {trashCount ? (
          <a href={routeHref('applications', 'trash')} data-testid="open-trash">
            {t('applications.trash.open', { count: formatCount(trashCount, i18n.language) })}
          </a>
        ) : null}
      </div>
      <DeletionNotice />
      <CatalogueFormsOffer always={false} />
      <EditCardForm />
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
      {total === 0 ? (
        <EmptyState title={t('ui.applications.emptyTitle')} body={t('ui.applications.emptyBody')} />
      ) : (
        <div className="list" role="table" aria-label={t('ui.applications.title')} aria-rowcount={rowCount}>
          <div className="list-row list-head" role="row">
            <span role="columnheader">
              <input type="checkbox" aria-label={t('ui.applications.selectAll')} checked={allSelected} disabled={!complete} onChange={() => setSelected(allSelected ? new Set() : new Set(ids))} />
            </span>
            <span role="columnheader">{t('ui.applications.name')}</span>
            <span role="columnheader">GTIN</span>
            <span role="columnheader">{t('ui.applications.tnved')}</span>
            <span role="columnheader">{t('ui.applications.state')}</span>
          </div>
          <div ref={scrollRef} className="list-body" data-testid="applications-list">
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {visible.map((row) => {
                const id = ids?.[row.index];
                const record = id ? (records?.get(id) ?? rows?.firstRecords?.get(id)) : undefined;
                return (
                  <div key={row.key} role="row" className="list-row" style={{ position: 'absolute', top: 0, left: 0, right: 0, height: rowHeight, transform: `translateY(${row.start}px)` }}>
                    {record && id ? (
                      <>
                        <span role="cell">
                          <input type="checkbox" aria-label={t('ui.applications.select')} checked={selected.has(id)} onChange={() => toggle(id)} />
                        </span>
                        <a role="cell" href={routeHref('applications', id)}>
                          {text(record, nameCode) || text(record, attributeCodes.nameRu) || t('ui.editor.untitled')}
                        </a>
                        <span role="cell">{text(record, attributeCodes.gtin)}</span>
                        <span role="cell">{text(record, attributeCodes.tnved)}</span>
                        <span role="cell" data-status={record.catalogue?.statusCode}>
                          {t(`ui.localState.${record.localState}`)}
                          {record.catalogue?.statusCode ? ` · ${t(`sync.requestStatus.${record.catalogue.statusCode}`, { defaultValue: record.catalogue.statusCode })}` : ''}
                        </span>
                      </>
                    ) : null}
                  </div>
                );
              })}
            </div>
          </div>
          <p className="list-count" data-testid="list-count">{t('ui.applications.count', { shown: formatCount(rowCount, i18n.language), total: formatCount(total ?? 0, i18n.language) })}</p>
        </div>
      )}
    </>
  );
}
