/**
 * Which catalogue the app talks to: the embedded sandbox (default) or the real one, with its key kept by the
 * secret store. The page sees only the URLs and whether a key is set.
 */
import { z } from 'zod';
import type { CatalogueConnection, CatalogueSettings } from '../shared/bridge.ts';
import { createPortalClient, type PortalClient } from '../shared/catalogue/index.ts';
import type { SecretFiles, SecretStore } from './secrets.ts';

export interface SandboxEndpoint {
  portalBaseUrl: string;
  exportBaseUrl: string;
  apiKey: string;
}

const storedSettingsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sandbox') }),
  z.object({ kind: z.literal('remote'), portalBaseUrl: z.string(), exportBaseUrl: z.string() }),
]);
type StoredSettings = z.infer<typeof storedSettingsSchema>;

export interface ConnectionManagerDeps {
  sandbox: SandboxEndpoint;
  secrets: SecretStore;
  settingsFile: SecretFiles;
  fetch: typeof fetch;
}

export async function createConnectionManager(deps: ConnectionManagerDeps) {
  let settings: StoredSettings = { kind: 'sandbox' };
  const saved = await deps.settingsFile.read().catch(() => undefined);
  if (saved) {
    const parsed = storedSettingsSchema.safeParse(JSON.parse(saved));
    if (parsed.success) settings = parsed.data;
  }
  let client: PortalClient | undefined;

  async function connection(): Promise<CatalogueConnection> {
    if (settings.kind === 'sandbox') {
      return { kind: 'sandbox', portalBaseUrl: deps.sandbox.portalBaseUrl, exportBaseUrl: deps.sandbox.exportBaseUrl, hasApiKey: true };
    }
    const key = await deps.secrets.get('portalApiKey');
    return { kind: 'remote', portalBaseUrl: settings.portalBaseUrl, exportBaseUrl: settings.exportBaseUrl, hasApiKey: Boolean(key) };
  }

  async function configure(next: CatalogueSettings): Promise<CatalogueConnection> {
    if (next.kind === 'remote') {
      if (next.apiKey !== undefined) await deps.secrets.set('portalApiKey', next.apiKey);
      if (next.exportToken !== undefined) await deps.secrets.set('exportToken', next.exportToken);
      settings = { kind: 'remote', portalBaseUrl: next.portalBaseUrl, exportBaseUrl: next.exportBaseUrl };
    } else {
      settings = { kind: 'sandbox' };
    }
    await deps.settingsFile.write(JSON.stringify(settings));
    client = undefined;
    return connection();
  }

  async function portalClient(): Promise<PortalClient> {
    if (client) return client;
    const created =
      settings.kind === 'sandbox'
        ? createPortalClient({ baseUrl: deps.sandbox.portalBaseUrl, apiKey: deps.sandbox.apiKey, fetch: deps.fetch })
        : createPortalClient({ baseUrl: settings.portalBaseUrl, apiKey: (await deps.secrets.get('portalApiKey')) ?? '', fetch: deps.fetch });
    client = created;
    return created;
  }

  return { connection, configure, portalClient };
}

export type ConnectionManager = Awaited<ReturnType<typeof createConnectionManager>>;
