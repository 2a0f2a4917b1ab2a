import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BridgeError } from '../../src/shared/bridge-client.ts';
import type { Bridge, CatalogueConnection } from '../../src/shared/bridge.ts';
import { BridgeProvider } from '../../src/renderer/app/bridge-context.tsx';
import { createI18n } from '../../src/renderer/app/i18n.ts';
import { DatabaseProvider } from '../../src/renderer/db/context.tsx';
import { SettingsPage } from '../../src/renderer/features/settings/SettingsPage.tsx';
import { scratchDatabases } from './scratch-database.ts';

const database = scratchDatabases('settings-connection');
let root: Root | undefined;
afterEach(() => {
  root?.unmount();
  root = undefined;
  document.body.replaceChildren();
  localStorage.removeItem('ncg.language');
});

/** The desktop host as the page sees it: a remote connection whose saved settings were damaged at start. */
function desktopHost(configure: Bridge['catalogue']['configure']) {
  const connection: CatalogueConnection = {
    kind: 'remote',
    portalBaseUrl: 'https://nationalcatalog.kz/gwp',
    exportBaseUrl: 'https://nct.gov.kz/api/integration/ofd',
    hasApiKey: true,
    problem: { code: 'connection-settings-unreadable', setAsideAs: 'catalogue-connection.json.unreadable-20261128' },
  };
  return {
    catalogue: { connection: () => Promise.resolve(connection), configure },
    app: { info: () => Promise.resolve({ version: '1.0.0', platform: 'linux', shell: 'electron' as const }) },
  } as unknown as Bridge;
}

async function renderSettings(bridge: Bridge): Promise<HTMLElement> {
  localStorage.setItem('ncg.language', 'kk');
  await createI18n();
  const container = document.createElement('div');
  document.body.append(container);
  const queries = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  root = createRoot(container);
  // Rendered as in the app (no act): every check below waits for what it looks for.
  root.render(createElement(QueryClientProvider, { client: queries }, createElement(BridgeProvider, { bridge, children: createElement(DatabaseProvider, { database: database(), children: createElement(SettingsPage) }) })));
  return container;
}

async function shown(container: HTMLElement, selector: string): Promise<HTMLElement> {
  await vi.waitFor(() => expect(container.querySelector(selector)).not.toBeNull(), { timeout: 20_000 });
  return container.querySelector<HTMLElement>(selector)!;
}

/** Types into a React-controlled input as a person would (React listens to `input` events). */
async function type(input: HTMLInputElement, text: string): Promise<void> {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, text);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await vi.waitFor(() => expect(input.value).toBe(text));
}

describe('Settings: the catalogue connection on the desktop host', () => {
  it('says in Kazakh that damaged settings were set aside, that a new address forgets the key, and translates every refusal', async () => {
    const configure = vi.fn<Bridge['catalogue']['configure']>(() => Promise.reject(new BridgeError({ code: 'invalid-request', message: 'portalBaseUrl: an https:// URL' })));
    const container = await renderSettings(desktopHost(configure));

    const problem = await shown(container, '[data-testid="connection-problem"]');
    expect(problem.textContent).toContain('catalogue-connection.json.unreadable-20261128');
    expect(problem.textContent).toContain('қосылым баптауларын оқу мүмкін болмады');
    expect(problem.getAttribute('role')).toBe('alert');
    expect(problem.className).toContain('error-message');
    // Only the web twin says it cannot reach the real catalogue.
    expect(container.querySelector('[data-testid="web-twin-scope"]')).toBeNull();

    const key = await shown(container, '[data-testid="api-key"]');
    expect(key.getAttribute('placeholder')).toBe('бос қалса, сақталған кілт қалады; порталдың жаңа мекенжайы кілтті ұмыттырады');

    // A plain-http address is refused here, in Kazakh, before the host is asked.
    const [portal] = [...container.querySelectorAll<HTMLInputElement>('.connection-form input:not([type])')];
    await type(portal!, 'http://nationalcatalog.kz/gwp');
    container.querySelector<HTMLButtonElement>('.connection-form button[type="submit"]')?.click();
    const urlProblem = await shown(container, '[data-testid="connection-url-problem"]');
    expect(urlProblem.dataset['problem']).toBe('insecure');
    expect(urlProblem.textContent).toContain('тек https:// арқылы');
    expect(configure).not.toHaveBeenCalled();

    // The host's refusal is shown by its code's translation, never its English message.
    await type(portal!, 'https://nationalcatalog.kz/gwp');
    container.querySelector<HTMLButtonElement>('.connection-form button[type="submit"]')?.click();
    const refusal = await shown(container, '[data-testid="connection-save-error"]');
    expect(configure).toHaveBeenCalledTimes(1);
    expect(container.querySelector('[data-testid="connection-url-problem"]')).toBeNull();
    expect(refusal.dataset['error']).toBe('invalid-request');
    expect(refusal.className).toContain('error-message');
    expect(refusal.textContent).not.toContain('https:// URL');
    expect(refusal.textContent).toMatch(/[әғқңөұүһі]/u);
  });
});
