import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnectionManager } from '../../../src/main/catalogue-connection.ts';
import { createHostHandlers, type HostServices } from '../../../src/main/bridge/handlers.ts';
import { createSecretStore } from '../../../src/main/secrets.ts';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server.ts';
import { dispatchBridgeCall } from '../../../src/shared/bridge.ts';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, cards: 50 });
});
afterAll(async () => {
  await sandbox.close();
});

function memoryFile() {
  let contents: string | undefined;
  return { read: async () => contents, write: async (text: string) => { contents = text; }, peek: () => contents };
}

const keychain = {
  isEncryptionAvailable: () => true,
  encryptString: (plain: string) => Buffer.from(plain, 'utf8').reverse(),
  decryptString: (encrypted: Buffer) => Buffer.from(encrypted).reverse().toString('utf8'),
};

async function setup() {
  const secretsFile = memoryFile();
  const settingsFile = memoryFile();
  const catalogue = await createConnectionManager({ sandbox, secrets: createSecretStore(keychain, secretsFile), settingsFile, fetch });
  const services = { catalogue } as unknown as HostServices;
  const handlers = createHostHandlers(services);
  return { catalogue, handlers, secretsFile, settingsFile };
}

describe('catalogue connection in the host (against a real sandbox)', () => {
  it('talks to the embedded sandbox with no configuration', async () => {
    const { handlers } = await setup();
    expect(await dispatchBridgeCall(handlers, 'catalogue:connection', undefined)).toEqual({
      ok: true,
      value: { kind: 'sandbox', portalBaseUrl: sandbox.portalBaseUrl, exportBaseUrl: sandbox.exportBaseUrl, hasApiKey: true },
    });
    const dictionaries = await dispatchBridgeCall(handlers, 'catalogue:call', { operation: 'getAllDictionaries', input: {} });
    expect(dictionaries.ok).toBe(true);
    const answer = (dictionaries as { value: { ok: boolean; value: { code: string }[] } }).value;
    expect(answer.ok).toBe(true);
    expect(answer.value.map((dictionary) => dictionary.code)).toEqual(expect.arrayContaining(['OKTRU', 'TNVED', 'COUNTRY']));
  });

  it('returns the catalogue\'s typed error as data, not a thrown string', async () => {
    const { handlers } = await setup();
    const result = await dispatchBridgeCall(handlers, 'catalogue:call', { operation: 'getStatus', input: { id: 987654321 } });
    expect(result).toMatchObject({ ok: true, value: { ok: false, error: { kind: 'not-found', retryable: false } } });
  });

  it('switches to a remote catalogue, keeps the key encrypted, and never hands it back to the page', async () => {
    const { handlers, catalogue, secretsFile, settingsFile } = await setup();
    // A key pasted with Cyrillic or spaces could never travel in an HTTP header: refused up front.
    expect(
      await dispatchBridgeCall(handlers, 'catalogue:configure', { kind: 'remote', portalBaseUrl: sandbox.portalBaseUrl, exportBaseUrl: sandbox.exportBaseUrl, apiKey: 'кілт 123' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    // "Remote" here is the sandbox again, reached with a user-entered key: a wrong key must give 401.
    const configured = await dispatchBridgeCall(handlers, 'catalogue:configure', {
      kind: 'remote',
      portalBaseUrl: sandbox.portalBaseUrl,
      exportBaseUrl: sandbox.exportBaseUrl,
      apiKey: 'wrong-key',
    });
    expect(configured).toEqual({ ok: true, value: { kind: 'remote', portalBaseUrl: sandbox.portalBaseUrl, exportBaseUrl: sandbox.exportBaseUrl, hasApiKey: true } });
    expect(JSON.stringify(configured)).not.toContain('wrong-key');
    expect(secretsFile.peek()).not.toContain('wrong-key');
    expect(settingsFile.peek()).not.toContain('wrong-key');
    const refused = await dispatchBridgeCall(handlers, 'catalogue:call', { operation: 'getAllDictionaries', input: {} });
    expect(refused).toMatchObject({ ok: true, value: { ok: false, error: { kind: 'unauthorised' } } });

    await catalogue.configure({ kind: 'remote', portalBaseUrl: sandbox.portalBaseUrl, exportBaseUrl: sandbox.exportBaseUrl, apiKey: sandbox.apiKey });
    const accepted = await dispatchBridgeCall(handlers, 'catalogue:call', { operation: 'getAllDictionaries', input: {} });
    expect(accepted).toMatchObject({ ok: true, value: { ok: true } });

    await catalogue.configure({ kind: 'sandbox' });
    expect((await catalogue.connection()).kind).toBe('sandbox');
  });

  it('remembers the chosen connection across restarts', async () => {
    const settingsFile = memoryFile();
    const secrets = createSecretStore(keychain, memoryFile());
    const first = await createConnectionManager({ sandbox, secrets, settingsFile, fetch });
    await first.configure({ kind: 'remote', portalBaseUrl: 'https://nationalcatalog.kz/gwp', exportBaseUrl: 'https://nct.gov.kz/api/integration/ofd', apiKey: 'k' });
    const second = await createConnectionManager({ sandbox, secrets, settingsFile, fetch });
    expect(await second.connection()).toEqual({ kind: 'remote', portalBaseUrl: 'https://nationalcatalog.kz/gwp', exportBaseUrl: 'https://nct.gov.kz/api/integration/ofd', hasApiKey: true });
  });
});
