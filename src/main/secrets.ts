/**
 * The catalogue's API key and export token, kept in the main process and written to disk only encrypted by the
 * OS keychain (Electron's safeStorage). The page can set or clear them; it can never read them back.
 */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export interface SecretFiles {
  read(): Promise<string | undefined>;
  write(contents: string): Promise<void>;
}

export type SecretName = 'portalApiKey' | 'exportToken';

/**
 * A secret is bound to the origin it was typed for: the host sends it only to that origin, so pointing the
 * connection elsewhere cannot carry an old key along. Entries written before the binding have no origin.
 */
export interface StoredSecret {
  value: string;
  origin: string | undefined;
}

export interface SecretStore {
  get(name: SecretName): Promise<StoredSecret | undefined>;
  /** '' or undefined forgets the secret. */
  set(name: SecretName, value: string | undefined, origin?: string): Promise<void>;
}

export class SecretStorageUnavailableError extends Error {
  constructor() {
    super('The operating system offers no encrypted storage (safeStorage); the API key is not saved in plain text.');
    this.name = 'SecretStorageUnavailableError';
  }
}

function decode(plain: string): StoredSecret {
  // The origin is sealed inside the encrypted value, so editing the file cannot re-point a key.
  try {
    const parsed: unknown = JSON.parse(plain);
    if (typeof parsed === 'object' && parsed !== null && 'value' in parsed && typeof parsed.value === 'string') {
      const origin = 'origin' in parsed && typeof parsed.origin === 'string' ? parsed.origin : undefined;
      return { value: parsed.value, origin };
    }
  } catch {
    // a bare key from before origins were recorded
  }
  return { value: plain, origin: undefined };
}

export function createSecretStore(safeStorage: SafeStorageLike, files: SecretFiles): SecretStore {
  const readAll = async (): Promise<Partial<Record<SecretName, string>>> => {
    const text = await files.read();
    if (!text) return {};
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return {}; // an unreadable file holds nothing usable; the next `set` rewrites it
    }
    return typeof parsed === 'object' && parsed !== null ? (parsed as Partial<Record<SecretName, string>>) : {};
  };
  return {
    async get(name) {
      const encrypted = (await readAll())[name];
      if (typeof encrypted !== 'string' || !encrypted || !safeStorage.isEncryptionAvailable()) return undefined;
      try {
        return decode(safeStorage.decryptString(Buffer.from(encrypted, 'base64')));
      } catch {
        return undefined; // sealed by another user or machine: the user types the key again
      }
    },
    async set(name, value, origin) {
      const all = await readAll();
      if (value === undefined || value === '') {
        delete all[name];
      } else {
        if (!safeStorage.isEncryptionAvailable()) throw new SecretStorageUnavailableError();
        all[name] = safeStorage.encryptString(JSON.stringify({ value, origin })).toString('base64');
      }
      await files.write(JSON.stringify(all));
    },
  };
}
