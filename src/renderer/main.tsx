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

// Before the languages are loaded, so in all three; the technical detail goes to the console, not to the officer.
const startFailed = [
  'NCG Desk іске қосылмады. Бетті қайта жүктеңіз; қате қайталанса, қолданбаны қайта орнатыңыз.',
  'NCG Desk не запустился. Перезагрузите страницу; если ошибка повторится, переустановите приложение.',
  'NCG Desk could not start. Reload the page; if it happens again, reinstall the app.',
];

boot().catch((error: unknown) => {
  console.error('NCG Desk could not start', error);
  document.body.replaceChildren(...startFailed.map((text) => Object.assign(document.createElement('p'), { textContent: text, role: 'alert' })));
});
