import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnectionManager, type SandboxLauncher } from '../../../src/main/catalogue-connection.ts';
import { embeddedSandbox } from '../../../src/main/embedded-sandbox.ts';
import { createHostHandlers, type HostServices } from '../../../src/main/bridge/handlers.ts';
import { createSecretStore } from '../../../src/main/secrets.ts';
import { userFile } from '../../../src/main/user-files.ts';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server.ts';
import { bridgeMessages } from '../../../src/shared/bridge-messages.ts';
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
  return {
    read: async () => contents,
    write: async (text: string) => { contents = text; },
    setAside: async () => { contents = undefined; return 'connection.json.unreadable'; },
    peek: () => contents,
  };
}

/** The shared sandbox behind the launcher interface, counting starts and stops. */
function sharedLauncher(): SandboxLauncher & { starts: number; stops: number } {
  const launcher = {
    starts: 0,
    stops: 0,
    start: async () => { launcher.starts += 1; return sandbox; },
    stop: async () => { launcher.stops += 1; },
  };
  return launcher;
}

const keychain = {
  isEncryptionAvailable: () => true,
  encryptString: (plain: string) => Buffer.from(plain, 'utf8').reverse(),
  decryptString: (encrypted: Buffer) => Buffer.from(encrypted).reverse().toString('utf8'),
};

async function setup() {
  const secretsFile = memoryFile();
  const settingsFile = memoryFile();
  const catalogue = await createConnectionManager({ sandbox: sharedLauncher(), secrets: createSecretStore(keychain, secretsFile), settingsFile, fetch });
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
    const first = await createConnectionManager({ sandbox: sharedLauncher(), secrets, settingsFile, fetch });
    await first.configure({ kind: 'remote', portalBaseUrl: 'https://nationalcatalog.kz/gwp', exportBaseUrl: 'https://nct.gov.kz/api/integration/ofd', apiKey: 'k' });
    const second = await createConnectionManager({ sandbox: sharedLauncher(), secrets, settingsFile, fetch });
    expect(await second.connection()).toEqual({ kind: 'remote', portalBaseUrl: 'https://nationalcatalog.kz/gwp', exportBaseUrl: 'https://nct.gov.kz/api/integration/ofd', hasApiKey: true });
  });
});

/** A loopback listener standing in for "a host of the page's choice": it records every request's headers. */
async function listener() {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    seen.push(req.headers);
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('[]');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { seen, origin, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('the stored key goes only to the origin it was typed for', () => {
  it('a new portal origin from the page forgets the key: the listener never receives it', async () => {
    const { handlers } = await setup();
    const stranger = await listener();
    try {
      const typed = await dispatchBridgeCall(handlers, 'catalogue:configure', {
        kind: 'remote',
        portalBaseUrl: sandbox.portalBaseUrl,
        exportBaseUrl: sandbox.exportBaseUrl,
        apiKey: sandbox.apiKey,
        exportToken: sandbox.exportToken,
      });
      expect(typed).toMatchObject({ ok: true, value: { hasApiKey: true } });
      expect(await dispatchBridgeCall(handlers, 'catalogue:call', { operation: 'getAllDictionaries', input: {} })).toMatchObject({ ok: true, value: { ok: true } });

      // "Omitted = keep" must not mean "keep and send it to the new host".
      const moved = await dispatchBridgeCall(handlers, 'catalogue:configure', {
        kind: 'remote',
        portalBaseUrl: `${stranger.origin}/gwp`,
        exportBaseUrl: `${stranger.origin}/api/integration/ofd`,
      });
      expect(moved).toMatchObject({ ok: true, value: { kind: 'remote', hasApiKey: false } });
      await dispatchBridgeCall(handlers, 'catalogue:call', { operation: 'getAllDictionaries', input: {} });
      expect(stranger.seen.length).toBeGreaterThan(0);
      for (const headers of stranger.seen) {
        expect(headers['x-api-key']).toBeUndefined();
        expect(JSON.stringify(headers)).not.toContain(sandbox.apiKey);
        expect(JSON.stringify(headers)).not.toContain(sandbox.exportToken);
      }

      // Pointing back at the first origin does not bring the key back either: it was forgotten.
      const back = await dispatchBridgeCall(handlers, 'catalogue:configure', { kind: 'remote', portalBaseUrl: sandbox.portalBaseUrl, exportBaseUrl: sandbox.exportBaseUrl });
      expect(back).toMatchObject({ ok: true, value: { hasApiKey: false } });
    } finally {
      await stranger.close();
    }
  });

  it('going through the sandbox and back to a new origin does not carry the key either', async () => {
    const { handlers, catalogue } = await setup();
    const stranger = await listener();
    try {
      await catalogue.configure({ kind: 'remote', portalBaseUrl: sandbox.portalBaseUrl, exportBaseUrl: sandbox.exportBaseUrl, apiKey: sandbox.apiKey });
      await dispatchBridgeCall(handlers, 'catalogue:configure', { kind: 'sandbox' });
      await dispatchBridgeCall(handlers, 'catalogue:configure', { kind: 'remote', portalBaseUrl: `${stranger.origin}/gwp`, exportBaseUrl: `${stranger.origin}/api/integration/ofd` });
      await dispatchBridgeCall(handlers, 'catalogue:call', { operation: 'getAllDictionaries', input: {} });
      expect(stranger.seen.length).toBeGreaterThan(0);
      expect(stranger.seen.every((headers) => headers['x-api-key'] === undefined)).toBe(true);
    } finally {
      await stranger.close();
    }
  });

  it('keeps the key when only the path changes on the same origin', async () => {
    const { catalogue } = await setup();
    await catalogue.configure({ kind: 'remote', portalBaseUrl: 'https://nationalcatalog.kz/gwp', exportBaseUrl: 'https://nct.gov.kz/api/integration/ofd', apiKey: 'k', exportToken: 't' });
    expect(await catalogue.configure({ kind: 'remote', portalBaseUrl: 'https://nationalcatalog.kz/gwp/', exportBaseUrl: 'https://nct.gov.kz/api/integration/ofd' })).toMatchObject({ hasApiKey: true });
    expect(await catalogue.exportToken()).toBe('t');
    // A new export origin forgets the export token, independently of the portal key.
    await catalogue.configure({ kind: 'remote', portalBaseUrl: 'https://nationalcatalog.kz/gwp', exportBaseUrl: 'https://export.example.kz/api' });
    expect(await catalogue.exportToken()).toBeUndefined();
    expect((await catalogue.connection()).hasApiKey).toBe(true);
  });

  it('accepts https:// only, and plain http:// only for a catalogue on this computer', async () => {
    const { handlers, secretsFile } = await setup();
    const refusedUrls = ['http://nationalcatalog.kz/gwp', 'http://192.168.1.20/gwp', 'ftp://nationalcatalog.kz/gwp', 'https://user:pass@nationalcatalog.kz/gwp', 'javascript:alert(1)'];
    for (const url of refusedUrls) {
      const result = await dispatchBridgeCall(handlers, 'catalogue:configure', { kind: 'remote', portalBaseUrl: url, exportBaseUrl: 'https://nct.gov.kz/api/integration/ofd', apiKey: 'k' });
      expect(result, url).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    expect(secretsFile.peek()).toBeUndefined();
    for (const url of ['https://nationalcatalog.kz/gwp', 'http://127.0.0.1:5180/gwp', 'http://localhost:8080/gwp', 'http://[::1]:8080/gwp']) {
      const result = await dispatchBridgeCall(handlers, 'catalogue:configure', { kind: 'remote', portalBaseUrl: url, exportBaseUrl: 'https://nct.gov.kz/api/integration/ofd' });
      expect(result, url).toMatchObject({ ok: true });
    }
  });

  it('binds a key saved before origins existed to the catalogue chosen then, and to nothing else', async () => {
    const secretsFile = memoryFile();
    await secretsFile.write(JSON.stringify({ portalApiKey: keychain.encryptString('legacy-key').toString('base64') }));
    const settingsFile = memoryFile();
    await settingsFile.write(JSON.stringify({ kind: 'remote', portalBaseUrl: 'https://nationalcatalog.kz/gwp', exportBaseUrl: 'https://nct.gov.kz/api/integration/ofd' }));
    const secrets = createSecretStore(keychain, secretsFile);
    const catalogue = await createConnectionManager({ sandbox: sharedLauncher(), secrets, settingsFile, fetch });
    expect(await catalogue.connection()).toMatchObject({ hasApiKey: true });
    expect(await secrets.get('portalApiKey')).toEqual({ value: 'legacy-key', origin: 'https://nationalcatalog.kz' });
    await catalogue.configure({ kind: 'remote', portalBaseUrl: 'https://elsewhere.example/gwp', exportBaseUrl: 'https://nct.gov.kz/api/integration/ofd' });
    expect(await secrets.get('portalApiKey')).toBeUndefined();
  });
});

describe('start-up with damaged settings, and the sandbox only while chosen', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'ncg-connection-'));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('sets a corrupt connection.json aside with a timestamp, starts on the sandbox and reports a translatable code', async () => {
    const dir = await mkdtemp(join(folder, 'corrupt-'));
    await writeFile(join(dir, 'connection.json'), '{"kind":"remote","portalBaseUrl":"https://nationalcat');
    const launcher = sharedLauncher();
    const catalogue = await createConnectionManager({
      sandbox: launcher,
      secrets: createSecretStore(keychain, memoryFile()),
      settingsFile: userFile(dir, 'connection.json', () => new Date('2026-11-28T05:12:00.000Z')),
      fetch,
    });
    const setAsideAs = 'connection.json.unreadable-2026-11-28T05-12-00-000Z';
    expect(await catalogue.connection()).toEqual({
      kind: 'sandbox',
      portalBaseUrl: sandbox.portalBaseUrl,
      exportBaseUrl: sandbox.exportBaseUrl,
      hasApiKey: true,
      problem: { code: 'connection-settings-unreadable', setAsideAs },
    });
    expect(await readdir(dir)).toEqual([setAsideAs]);
    expect(await readFile(join(dir, setAsideAs), 'utf8')).toContain('nationalcat');
    expect(launcher.starts).toBeGreaterThan(0);
    for (const locale of ['kk', 'ru', 'en'] as const) expect(bridgeMessages[locale].connection.settingsSetAside).toContain('{{file}}');

    // The contract lets the notice through to the page, and choosing again clears it.
    const handlers = createHostHandlers({ catalogue } as unknown as HostServices);
    expect(await dispatchBridgeCall(handlers, 'catalogue:connection', undefined)).toMatchObject({ ok: true, value: { problem: { setAsideAs } } });
    expect(await dispatchBridgeCall(handlers, 'catalogue:configure', { kind: 'sandbox' })).toMatchObject({ ok: true, value: { kind: 'sandbox' } });
    expect(await catalogue.connection()).not.toHaveProperty('problem');
    expect(JSON.parse(await readFile(join(dir, 'connection.json'), 'utf8'))).toEqual({ kind: 'sandbox' });
  });

  it('sets aside settings that parse but point the key at a plain-http remote host', async () => {
    const dir = await mkdtemp(join(folder, 'tampered-'));
    await writeFile(join(dir, 'connection.json'), JSON.stringify({ kind: 'remote', portalBaseUrl: 'http://evil.example/gwp', exportBaseUrl: 'https://nct.gov.kz/api/integration/ofd' }));
    const catalogue = await createConnectionManager({ sandbox: sharedLauncher(), secrets: createSecretStore(keychain, memoryFile()), settingsFile: userFile(dir, 'connection.json'), fetch });
    expect(await catalogue.connection()).toMatchObject({ kind: 'sandbox', problem: { code: 'connection-settings-unreadable' } });
  });

  it('starts the embedded sandbox only while it is the chosen connection, and when the user switches to it', async () => {
    const dir = await mkdtemp(join(folder, 'lazy-'));
    await writeFile(join(dir, 'connection.json'), JSON.stringify({ kind: 'remote', portalBaseUrl: 'https://nationalcatalog.kz/gwp', exportBaseUrl: 'https://nct.gov.kz/api/integration/ofd' }));
    let started = 0;
    const launcher = embeddedSandbox(async () => {
      started += 1;
      return startSandbox({ port: 0, cards: 20 });
    });
    const catalogue = await createConnectionManager({ sandbox: launcher, secrets: createSecretStore(keychain, memoryFile()), settingsFile: userFile(dir, 'connection.json'), fetch });
    expect(await catalogue.connection()).toMatchObject({ kind: 'remote' });
    expect(started).toBe(0);
    expect(launcher.isRunning()).toBe(false);

    const chosen = await catalogue.configure({ kind: 'sandbox' });
    expect(started).toBe(1);
    expect(launcher.isRunning()).toBe(true);
    const answer = await fetch(`${chosen.portalBaseUrl}/portal/api/v1/dictionaries`, { headers: { 'X-API-KEY': 'sandbox-demo-key' } });
    expect(answer.status).toBe(200);

    await catalogue.configure({ kind: 'remote', portalBaseUrl: 'https://nationalcatalog.kz/gwp', exportBaseUrl: 'https://nct.gov.kz/api/integration/ofd' });
    expect(launcher.isRunning()).toBe(false);
    // The port is closed: nothing answers there any more.
    await expect(fetch(`${chosen.portalBaseUrl}/portal/api/v1/dictionaries`)).rejects.toThrow();
    expect(started).toBe(1);
  });
});
