import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { locales } from '../../shared/i18n/locales.ts';
import { ApplicationsPage } from '../features/applications/ApplicationsPage.tsx';
import { ExportSelectedButton } from '../features/import/ExportSelectedButton.tsx';
import { InterruptedImports } from '../features/import/InterruptedImports.tsx';
import { SyncPanel } from '../features/sync/SyncPanel.tsx';
import { SyncProvider } from '../features/sync/SyncProvider.tsx';
import { CatalogueRefreshStatus } from './components/CatalogueRefreshStatus.tsx';
import { SendToCatalogueButton } from './components/SendToCatalogueButton.tsx';
import { useBridge } from './bridge-context.tsx';
import { routeHref, routes, useLocation, type Route } from './router.ts';

// The importer (spreadsheets) loads when opened.
const ImportPage = lazy(() => import('../features/import/ImportPage.tsx').then((module) => ({ default: module.ImportPage })));

/**
 * `#/applications/import` is the importer; the rest of `#/applications…` the list and the editor. Features meet
 * here, in the shell, rather than importing each other: the list gets the importer's export button as a slot.
 */
function ApplicationsRoute() {
  const { rest } = useLocation();
  if (rest[0] === 'import') return <ImportPage />;
  // Loaded with the app, not lazily: the sending panel must open while the network is down.
  if (rest[0] === 'sync') return <SyncPanel />;
  return (
    <ApplicationsPage
      selectionActions={(ids) => (
        <>
          <ExportSelectedButton ids={ids} />
          <SendToCatalogueButton draftIds={ids} />
        </>
      )}
    />
  );
}

// The first screen loads with the app; the other sections (PDF rendering, label layout…) load when opened.
const pages: Record<Route, ComponentType> = {
  applications: ApplicationsRoute,
  documents: lazy(() => import('../features/documents/DocumentsPage.tsx').then((module) => ({ default: module.DocumentsPage }))),
  labels: lazy(() => import('../features/labels/LabelsPage.tsx').then((module) => ({ default: module.LabelsPage }))),
  inspection: lazy(() => import('../features/inspection/InspectionPage.tsx').then((module) => ({ default: module.InspectionPage }))),
  settings: lazy(() => import('../features/settings/SettingsPage.tsx').then((module) => ({ default: module.SettingsPage }))),
};

export function App() {
  const { t, i18n } = useTranslation();
  const { route } = useLocation();
  const bridge = useBridge();
  const connection = useQuery({ queryKey: ['catalogue', 'connection'], queryFn: () => bridge.catalogue.connection() });
  const Page = pages[route];

  return (
    <SyncProvider>
      <div className="shell">
        <header className="shell-header">
          <span className="app-name">{t('ui.appName')}</span>
          {connection.data?.kind === 'sandbox' && (
            <span className="sandbox-badge" role="status" data-testid="sandbox-badge">
              {t('ui.sandboxBadge')}
            </span>
          )}
          <CatalogueRefreshStatus />
          <label className="language">
            <span>{t('ui.language.label')}</span>
            <select value={i18n.language} onChange={(event) => void i18n.changeLanguage(event.target.value)} data-testid="language">
              {locales.map((locale) => (
                <option key={locale} value={locale} lang={locale}>
                  {t(`ui.language.${locale}`)}
                </option>
              ))}
            </select>
          </label>
        </header>
        <nav className="shell-nav" aria-label={t('ui.nav.main')}>
          {routes.map((name) => (
            <a key={name} href={routeHref(name)} aria-current={name === route ? 'page' : undefined}>
              {t(`ui.nav.${name}`)}
            </a>
          ))}
        </nav>
        <main className="shell-main">
          {/* On start, whichever page opens: an import a reload or crash cut off is undone and reported. */}
          <InterruptedImports />
          <Suspense fallback={<p>{t('ui.loading')}</p>}>
            <Page />
          </Suspense>
        </main>
      </div>
    </SyncProvider>
  );
}
