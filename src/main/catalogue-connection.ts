/**
 * Which catalogue the app talks to: the embedded sandbox (default) or the real one, with its key kept by the
 * secret store. The page sees only the URLs and whether a key is set.
 *
 * The key and the export token are bound to the origin they were typed for: pointing the connection at another
 * origin forgets them, so a page cannot re-point the host and have it carry the key along.
 */
import { z } from 'zod';
import type { CatalogueConnection, CatalogueSettings } from '../shared/bridge.ts';
import { BridgeError } from '../shared/bridge-client.ts';
import { fetchCatalogueMedia, type CatalogueMediaRequest, type CatalogueMediaResult } from '../shared/catalogue-media.ts';
import { catalogueUrlProblem, createExportClient, createPortalClient, credentialOrigin, type ExportClient, type PortalClient } from '../shared/catalogue/index.ts';
import type { SecretFiles, SecretName, SecretStore } from './secrets.ts';

export interface SandboxEndpoint {
  portalBaseUrl: string;
  exportBaseUrl: string;
  apiKey: string;
  /** The sandbox's export token (the export feed requires one). */
  exportToken?: string;
}

/** The embedded sandbox runs only while it is the chosen connection. */
export interface SandboxLauncher {
  /** Starts it if needed; the same endpoint while it runs. */
  start(): Promise<SandboxEndpoint>;
  stop(): Promise<void>;
}

/** The settings file; `setAside` renames an unreadable one out of the way and returns its new name. */
export interface SettingsFile extends SecretFiles {
  setAside(): Promise<string>;
}

const catalogueUrl = z.string().refine((value) => catalogueUrlProblem(value) === undefined);
const storedSettingsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sandbox') }),
  z.object({ kind: z.literal('remote'), portalBaseUrl: catalogueUrl, exportBaseUrl: catalogueUrl }),
]);
type StoredSettings = z.infer<typeof storedSettingsSchema>;
type RemoteSettings = Extract<StoredSettings, { kind: 'remote' }>;

export interface ConnectionManagerDeps {
  sandbox: SandboxLauncher;
  secrets: SecretStore;
  settingsFile: SettingsFile;
  fetch: typeof fetch;
  /** Told when a start-up problem was worked around (for the log). */
  onProblem?: (message: string) => void;
}

type ConnectionProblem = NonNullable<CatalogueConnection['problem']>;

async function loadSettings(deps: ConnectionManagerDeps): Promise<{ settings: StoredSettings; problem?: ConnectionProblem }> {
  const saved = await deps.settingsFile.read().catch(() => undefined);
  if (saved === undefined) return { settings: { kind: 'sandbox' } };
  let parsed: z.ZodSafeParseResult<StoredSettings> | undefined;
  try {
    parsed = storedSettingsSchema.safeParse(JSON.parse(saved));
  } catch {
    parsed = undefined;
  }
  if (parsed?.success) return { settings: parsed.data };
  // A damaged file must not stop the app: keep it for the user (or support) and start on the sandbox.
  const setAsideAs = await deps.settingsFile.setAside().catch(() => 'connection.json');
  deps.onProblem?.(`connection settings were unreadable; kept as ${setAsideAs}`);
  return { settings: { kind: 'sandbox' }, problem: { code: 'connection-settings-unreadable', setAsideAs } };
}

export async function createConnectionManager(deps: ConnectionManagerDeps) {
  const loaded = await loadSettings(deps);
  let settings: StoredSettings = loaded.settings;
  let problem = loaded.problem;
  let client: PortalClient | undefined;

  // Keys saved before they were bound to an origin belong to the remote catalogue chosen at that time.
  if (settings.kind === 'remote') {
    await bindUnboundSecret('portalApiKey', credentialOrigin(settings.portalBaseUrl));
    await bindUnboundSecret('exportToken', credentialOrigin(settings.exportBaseUrl));
  }
  if (settings.kind === 'sandbox') await deps.sandbox.start();

  async function bindUnboundSecret(name: SecretName, origin: string): Promise<void> {
    const stored = await deps.secrets.get(name);
    if (stored && stored.origin === undefined) await deps.secrets.set(name, stored.value, origin);
  }

  /** The secret, only when it was typed for exactly this origin. */
  async function secretFor(name: SecretName, base: string): Promise<string | undefined> {
    const stored = await deps.secrets.get(name);
    return stored && stored.origin === credentialOrigin(base) ? stored.value : undefined;
  }

  /** Sets a newly typed secret, or forgets the stored one when the origin it was typed for changes. */
  async function keepSecretOnlyForOrigin(name: SecretName, typed: string | undefined, base: string): Promise<void> {
    const origin = credentialOrigin(base);
    if (typed !== undefined) return deps.secrets.set(name, typed, origin);
    const stored = await deps.secrets.get(name);
    if (stored && stored.origin !== origin) await deps.secrets.set(name, undefined);
  }

  async function connection(): Promise<CatalogueConnection> {
    const notice = problem ? { problem } : {};
    if (settings.kind === 'sandbox') {
      const sandbox = await deps.sandbox.start();
      return { kind: 'sandbox', portalBaseUrl: sandbox.portalBaseUrl, exportBaseUrl: sandbox.exportBaseUrl, hasApiKey: true, ...notice };
    }
    const key = await secretFor('portalApiKey', settings.portalBaseUrl);
    return { kind: 'remote', portalBaseUrl: settings.portalBaseUrl, exportBaseUrl: settings.exportBaseUrl, hasApiKey: Boolean(key), ...notice };
  }

  async function configure(next: CatalogueSettings): Promise<CatalogueConnection> {
    if (next.kind === 'remote') {
      // The contract refuses these already; checked again because this is where the key is released.
      for (const url of [next.portalBaseUrl, next.exportBaseUrl]) {
        const urlProblem = catalogueUrlProblem(url);
        if (urlProblem) throw new BridgeError({ code: 'invalid-request', message: `Catalogue URL refused (${urlProblem})`, issues: [urlProblem] });
      }
      const remote: RemoteSettings = { kind: 'remote', portalBaseUrl: next.portalBaseUrl.trim(), exportBaseUrl: next.exportBaseUrl.trim() };
      await keepSecretOnlyForOrigin('portalApiKey', next.apiKey, remote.portalBaseUrl);
      await keepSecretOnlyForOrigin('exportToken', next.exportToken, remote.exportBaseUrl);
      settings = remote;
    } else {
      settings = { kind: 'sandbox' };
    }
    client = undefined;
    await deps.settingsFile.write(JSON.stringify(settings));
    problem = undefined; // the user has chosen again
    if (settings.kind === 'sandbox') await deps.sandbox.start();
    else await deps.sandbox.stop();
    return connection();
  }

  async function portalClient(): Promise<PortalClient> {
    if (client) return client;
    let created: PortalClient;
    if (settings.kind === 'sandbox') {
      const sandbox = await deps.sandbox.start();
      created = createPortalClient({ baseUrl: sandbox.portalBaseUrl, apiKey: sandbox.apiKey, fetch: deps.fetch });
    } else {
      const apiKey = (await secretFor('portalApiKey', settings.portalBaseUrl)) ?? '';
      created = createPortalClient({ baseUrl: settings.portalBaseUrl, apiKey, fetch: deps.fetch });
    }
    client = created;
    return created;
  }

  /** The export token for the chosen export base, if one was typed for its origin. */
  const exportToken = () => (settings.kind === 'remote' ? secretFor('exportToken', settings.exportBaseUrl) : Promise.resolve(undefined));

  /** The export feed's client for the chosen connection, with its token (made per call: settings may change). */
  async function exportClient(): Promise<ExportClient> {
    if (settings.kind === 'sandbox') {
      const sandbox = await deps.sandbox.start();
      return createExportClient({ baseUrl: sandbox.exportBaseUrl, token: sandbox.exportToken, fetch: deps.fetch });
    }
    return createExportClient({ baseUrl: settings.exportBaseUrl, token: await exportToken(), fetch: deps.fetch });
  }

  /**
   * A card's photo from the chosen catalogue's site (the export API's host; the sandbox's media route). Through
   * the host's own fetch like every catalogue call; no key or token goes with it (catalogue-media.ts).
   */
  async function fetchMedia(request: CatalogueMediaRequest): Promise<CatalogueMediaResult> {
    const exportBaseUrl = settings.kind === 'sandbox' ? (await deps.sandbox.start()).exportBaseUrl : settings.exportBaseUrl;
    return fetchCatalogueMedia({ exportBaseUrl, fetch: deps.fetch }, request);
  }

  return { connection, configure, portalClient, exportToken, exportClient, fetchMedia };
}

export type ConnectionManager = Awaited<ReturnType<typeof createConnectionManager>>;
