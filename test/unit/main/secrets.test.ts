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
    await store.set('portalApiKey', 'secret-key-Қ');
    expect(files.peek()).not.toContain('secret-key');
    expect(await store.get('portalApiKey')).toBe('secret-key-Қ');
    expect(await store.get('exportToken')).toBeUndefined();
  });

  it('clears a secret when set to empty', async () => {
    const files = memoryFiles();
    const store = createSecretStore(fakeSafeStorage(), files);
    await store.set('exportToken', 'jwt');
    await store.set('exportToken', '');
    expect(await store.get('exportToken')).toBeUndefined();
  });

  it('refuses to store a key when the OS offers no encryption, instead of writing plain text', async () => {
    const files = memoryFiles();
    const store = createSecretStore(fakeSafeStorage(false), files);
    await expect(store.set('portalApiKey', 'k')).rejects.toBeInstanceOf(SecretStorageUnavailableError);
    expect(files.peek()).toBeUndefined();
  });
});
