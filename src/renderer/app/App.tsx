import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { locales } from '../../shared/i18n/locales.ts';
import { ApplicationsPage } from '../features/applications/ApplicationsPage.tsx';
import { DocumentsPage } from '../features/documents/DocumentsPage.tsx';
import { InspectionPage } from '../features/inspection/InspectionPage.tsx';
import { LabelsPage } from '../features/labels/LabelsPage.tsx';
import { SettingsPage } from '../features/settings/SettingsPage.tsx';
import { useBridge } from './bridge-context.tsx';
import { routeHref, routes, useLocation, type Route } from './router.ts';

const pages: Record<Route, () => React.JSX.Element> = {
  applications: ApplicationsPage,
  documents: DocumentsPage,
  labels: LabelsPage,
  inspection: InspectionPage,
  settings: SettingsPage,
};

export function App() {
  const { t, i18n } = useTranslation();
  const { route } = useLocation();
  const bridge = useBridge();
  const connection = useQuery({ queryKey: ['catalogue', 'connection'], queryFn: () => bridge.catalogue.connection() });
  const Page = pages[route];

  return (
    <div className="shell">
      <header className="shell-header">
        <span className="app-name">{t('ui.appName')}</span>
        {connection.data?.kind === 'sandbox' && (
          <span className="sandbox-badge" role="status" data-testid="sandbox-badge">
            {t('ui.sandboxBadge')}
          </span>
        )}
        <label className="language">
          <span>{t('ui.language.label')}</span>
          <select value={i18n.language} onChange={(event) => void i18n.changeLanguage(event.target.value)} data-testid="language">
            {locales.map((locale) => (
              <option key={locale} value={locale}>
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
        <Page />
      </main>
    </div>
  );
}
