import { describe, expect, it } from 'vitest';
import { createSecretStore, SecretStorageUnavailableError, type SafeStorageLike } from '../../../src/main/secrets.ts';

/** A stand-in keychain: reversible but not plain text, so the test can see that nothing is stored in clear. */
function fakeSafeStorage(available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plain) => Buffer.from(`enc:${Buffer.from(plain).toString('hex')}`),
    decryptString: (encrypted) => Buffer.from(encrypted.toString().slice(4), 'hex').toString(),
  };
}

function memoryFiles() {
  let contents: string | undefined;
  return { read: async () => contents, write: async (text: string) => { contents = text; }, peek: () => contents };
}

describe('secret store', () => {
  it('keeps the key encrypted on disk and returns it to the main process', async () => {
    const files = memoryFiles();
    const store = createSecretStore(fakeSafeStorage(), files);
    await store.set('portalApiKey', 'secret-key-Қ', 'https://nationalcatalog.kz');
    expect(files.peek()).not.toContain('secret-key');
    expect(await store.get('portalApiKey')).toEqual({ value: 'secret-key-Қ', origin: 'https://nationalcatalog.kz' });
    expect(await store.get('exportToken')).toBeUndefined();
  });

  it('clears a secret when set to empty', async () => {
    const files = memoryFiles();
    const store = createSecretStore(fakeSafeStorage(), files);
    await store.set('exportToken', 'jwt');
    await store.set('exportToken', '');
    expect(await store.get('exportToken')).toBeUndefined();
  });

  it('seals the origin a key was typed for inside the encrypted value, and reads keys saved before origins', async () => {
    const files = memoryFiles();
    const store = createSecretStore(fakeSafeStorage(), files);
    await store.set('portalApiKey', 'k1', 'https://nationalcatalog.kz');
    expect(files.peek()).not.toContain('nationalcatalog');
    const legacy = createSecretStore(fakeSafeStorage(), memoryFiles());
    const legacyFiles = memoryFiles();
    await legacyFiles.write(JSON.stringify({ portalApiKey: fakeSafeStorage().encryptString('old-key').toString('base64') }));
    expect(await createSecretStore(fakeSafeStorage(), legacyFiles).get('portalApiKey')).toEqual({ value: 'old-key', origin: undefined });
    expect(await legacy.get('portalApiKey')).toBeUndefined();
  });

  it('treats an unreadable secrets file as empty instead of failing every call', async () => {
    const files = memoryFiles();
    await files.write('{"portalApiKey": "trunc');
    const store = createSecretStore(fakeSafeStorage(), files);
    expect(await store.get('portalApiKey')).toBeUndefined();
    await store.set('portalApiKey', 'fresh', 'https://nationalcatalog.kz');
    expect((await store.get('portalApiKey'))?.value).toBe('fresh');
  });

  it('refuses to store a key when the OS offers no encryption, instead of writing plain text', async () => {
    const files = memoryFiles();
    const store = createSecretStore(fakeSafeStorage(false), files);
    await expect(store.set('portalApiKey', 'k', 'https://nationalcatalog.kz')).rejects.toBeInstanceOf(SecretStorageUnavailableError);
    expect(files.peek()).toBeUndefined();
  });
});
