import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useBridge } from '../../app/bridge-context.tsx';
import { ErrorMessage } from '../../app/components/ErrorMessage.tsx';
import { formatBytes } from '../../app/format.ts';
import { ConnectionForm } from './ConnectionForm.tsx';
import { DictionariesPanel } from './dictionaries/DictionariesPanel.tsx';
import { FineTablesPanel } from './fine-tables/FineTablesPanel.tsx';
import { useDatabase } from '../../db/context.tsx';
import { readStorageReport } from '../../db/storage.ts';

export function SettingsPage() {
  const { t, i18n } = useTranslation();
  const bridge = useBridge();
  const db = useDatabase();
  const connection = useQuery({ queryKey: ['catalogue', 'connection'], queryFn: () => bridge.catalogue.connection() });
  const info = useQuery({ queryKey: ['app', 'info'], queryFn: () => bridge.app.info() });
  // Read afresh whenever Settings opens: photos and PDFs stored a moment ago count at once.
  const storage = useQuery({ queryKey: ['storage'], queryFn: () => readStorageReport(db), refetchOnMount: 'always' });
  const webTwin = info.data?.shell === 'web';
  const bytes = (value: number | undefined) => (value === undefined ? t('ui.settings.unknown') : formatBytes(value, i18n.language));

  return (
    <>
      <h1>{t('ui.settings.title')}</h1>
      <section aria-labelledby="settings-connection">
        <h2 id="settings-connection">{t('ui.settings.connection')}</h2>
        {/* Said before any choice: what this shell can reach, so nothing offered here fails later. */}
        {webTwin && (
          <p className="notice" data-testid="web-twin-scope">
            {t('settingsUi.connection.webTwinScope')}
          </p>
        )}
        {connection.data?.problem && (
          <p role="alert" className="error-message" data-testid="connection-problem">
            {t('bridge.connection.settingsSetAside', { file: connection.data.problem.setAsideAs })}
          </p>
        )}
        {connection.data ? (
          <dl data-testid="connection">
            <dt>{t('ui.settings.connection')}</dt>
            <dd data-testid="connection-kind">{t(`ui.settings.connectionKind.${connection.data.kind}`)}</dd>
            <dt>{t('ui.settings.portalUrl')}</dt>
            <dd><code>{connection.data.portalBaseUrl}</code></dd>
            <dt>{t('ui.settings.exportUrl')}</dt>
            <dd><code>{connection.data.exportBaseUrl}</code></dd>
            <dt>{t('ui.settings.apiKey')}</dt>
            <dd>{connection.data.hasApiKey ? t('ui.settings.apiKeySet') : t('ui.settings.apiKeyMissing')}</dd>
          </dl>
        ) : (
          connection.error ? <ErrorMessage error={connection.error} /> : <p>{t('ui.loading')}</p>
        )}
        {connection.data && <ConnectionForm key={JSON.stringify(connection.data)} current={connection.data} webTwin={webTwin} />}
        {info.data && (
          <dl>
            <dt>{t('ui.settings.shell')}</dt>
            <dd data-testid="shell-kind">{t(`ui.settings.shellKind.${info.data.shell}`)}</dd>
            <dt>{t('ui.settings.version')}</dt>
            <dd>{info.data.version}</dd>
          </dl>
        )}
      </section>
      <DictionariesPanel />
      <FineTablesPanel />
      <section aria-labelledby="settings-storage">
        <h2 id="settings-storage">{t('ui.settings.storage')}</h2>
        {storage.data ? (
          <dl data-testid="storage">
            <dt>{t('ui.settings.used')}</dt>
            <dd data-testid="storage-used">{bytes(storage.data.usageBytes)}</dd>
            {storage.data.ownFileBytes !== undefined && (
              <>
                <dt>{t('settingsUi.storage.ownFiles')}</dt>
                <dd data-testid="storage-own-files">{bytes(storage.data.ownFileBytes)}</dd>
              </>
            )}
            <dt>{t('ui.settings.quota')}</dt>
            <dd data-testid="storage-quota">{bytes(storage.data.quotaBytes)}</dd>
            <dt>{t('ui.settings.persisted')}</dt>
            <dd data-testid="storage-persisted">
              {storage.data.persisted === undefined
                ? t('ui.settings.unknown')
                : storage.data.persisted
                  ? t('ui.settings.persistedYes')
                  : t('ui.settings.persistedNo')}
            </dd>
          </dl>
        ) : storage.error ? (
          <ErrorMessage error={storage.error} />
        ) : (
          <p>{t('ui.loading')}</p>
        )}
      </section>
    </>
  );
}
