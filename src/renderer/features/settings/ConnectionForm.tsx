import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueConnection } from '../../../shared/bridge.ts';
import { useBridge } from '../../app/bridge-context.tsx';
import { ErrorMessage } from '../../app/components/ErrorMessage.tsx';
import { BridgeError } from '../../../shared/bridge-client.ts';
import { bridgeErrorMessageKey } from '../../../shared/bridge-messages.ts';
import { catalogueUrlProblem, type CatalogueUrlProblem } from '../../../shared/catalogue/base-url.ts';

export const productionPortalUrl = 'https://nationalcatalog.kz/gwp';
export const productionExportUrl = 'https://nct.gov.kz/api/integration/ofd';

/**
 * Switches between the embedded sandbox and the real catalogue. The key is sent to the host once and never
 * shown again: the field stays empty, and leaving it empty keeps the stored key.
 */
export function ConnectionForm({ current, webTwin }: { current: CatalogueConnection; webTwin: boolean }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState(current.kind);
  const [portalBaseUrl, setPortalBaseUrl] = useState(current.kind === 'remote' ? current.portalBaseUrl : productionPortalUrl);
  const [exportBaseUrl, setExportBaseUrl] = useState(current.kind === 'remote' ? current.exportBaseUrl : productionExportUrl);
  const [apiKey, setApiKey] = useState('');
  const [exportToken, setExportToken] = useState('');
  const [urlProblems, setUrlProblems] = useState<{ field: 'portalUrl' | 'exportUrl'; problem: CatalogueUrlProblem }[]>([]);
  const save = useMutation({
    mutationFn: () =>
      bridge.catalogue.configure(
        kind === 'sandbox'
          ? { kind }
          : { kind, portalBaseUrl, exportBaseUrl, ...(apiKey ? { apiKey } : {}), ...(exportToken ? { exportToken } : {}) },
      ),
    onSuccess: async () => {
      setApiKey('');
      setExportToken('');
      await queryClient.invalidateQueries({ queryKey: ['catalogue'] });
    },
  });

  return (
    <form
      className="connection-form"
      onSubmit={(event) => {
        event.preventDefault();
        // Addresses are checked here, in the user's language, before the host refuses them as a bad request.
        const problems =
          kind === 'remote'
            ? (
                [
                  ['portalUrl', portalBaseUrl],
                  ['exportUrl', exportBaseUrl],
                ] as const
              ).flatMap(([field, url]) => {
                const problem = catalogueUrlProblem(url);
                return problem ? [{ field, problem }] : [];
              })
            : [];
        setUrlProblems(problems);
        if (problems.length === 0) save.mutate();
      }}
    >
      <label className="checkbox">
        <input type="radio" name="connection-kind" checked={kind === 'sandbox'} onChange={() => setKind('sandbox')} />
        {t('ui.settings.connectionKind.sandbox')}
      </label>
      <label className="checkbox">
        {/* The web twin is given the sandbox's demo key only; a real key belongs in the desktop app's host (Settings says so above). */}
        <input type="radio" name="connection-kind" checked={kind === 'remote'} onChange={() => setKind('remote')} disabled={webTwin} data-testid="connection-remote" />
        {t('ui.settings.connectionKind.remote')}
      </label>
      {kind === 'remote' && (
        <div className="fields">
          <label className="field">
            <span>{t('ui.settings.portalUrl')}</span>
            <input value={portalBaseUrl} onChange={(event) => setPortalBaseUrl(event.target.value)} />
          </label>
          <label className="field">
            <span>{t('ui.settings.exportUrl')}</span>
            <input value={exportBaseUrl} onChange={(event) => setExportBaseUrl(event.target.value)} />
          </label>
          <label className="field">
            <span>{t('ui.settings.apiKey')}</span>
            <input type="password" autoComplete="off" value={apiKey} placeholder={current.hasApiKey ? t('settingsUi.connection.keepKeyNewAddressForgets') : t('settingsUi.connection.newAddressForgetsKey')} title={current.hasApiKey ? t('settingsUi.connection.keepKeyNewAddressForgets') : t('settingsUi.connection.newAddressForgetsKey')} data-testid="api-key" onChange={(event) => setApiKey(event.target.value)} />
          </label>
          <label className="field">
            <span>{t('ui.settings.exportToken')}</span>
            <input type="password" autoComplete="off" value={exportToken} onChange={(event) => setExportToken(event.target.value)} />
          </label>
        </div>
      )}
      <p>
        <button type="submit" disabled={save.isPending}>{t('ui.settings.saveConnection')}</button>
      </p>
      {urlProblems.map(({ field, problem }) => (
        <p key={field} role="alert" className="error-message" data-testid="connection-url-problem" data-problem={problem}>
          {t(`settingsUi.connection.urlProblem.${problem}`, { field: t(`ui.settings.${field}`) })}
        </p>
      ))}
      {/* The host's refusals have their own translations (bridge.errors.*), more precise than the page's generic ones. */}
      {save.error instanceof BridgeError ? (
        <p role="alert" className="error-message" data-testid="connection-save-error" data-error={save.error.code}>
          {t(bridgeErrorMessageKey(save.error.code))}
        </p>
      ) : (
        save.error && <ErrorMessage error={save.error} testId="connection-save-error" />
      )}
    </form>
  );
}
