import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/App.tsx';
import { BridgeProvider } from './app/bridge-context.tsx';
import { createI18n } from './app/i18n.ts';
import './app/styles.css';
import { loadBridge } from './bridge/index.ts';
import { DatabaseProvider } from './db/context.tsx';
import { appDatabase } from './db/database.ts';
import { requestPersistentStorage } from './db/storage.ts';

async function boot(): Promise<void> {
  void requestPersistentStorage();
  const [bridge, i18n] = await Promise.all([loadBridge(), createI18n()]);
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1 } } });
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing');
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <BridgeProvider bridge={bridge}>
          <DatabaseProvider database={appDatabase()}>
            <QueryClientProvider client={queryClient}>
              <App />
            </QueryClientProvider>
          </DatabaseProvider>
        </BridgeProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

boot().catch((error: unknown) => {
  document.body.textContent = `NCG Desk could not start: ${error instanceof Error ? error.message : String(error)}`;
});
