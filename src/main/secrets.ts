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

export interface SecretStore {
  get(name: SecretName): Promise<string | undefined>;
  set(name: SecretName, value: string | undefined): Promise<void>;
}

export class SecretStorageUnavailableError extends Error {
  constructor() {
    super('The operating system offers no encrypted storage (safeStorage); the API key is not saved in plain text.');
    this.name = 'SecretStorageUnavailableError';
  }
}

export function createSecretStore(safeStorage: SafeStorageLike, files: SecretFiles): SecretStore {
  const readAll = async (): Promise<Partial<Record<SecretName, string>>> => {
    const text = await files.read();
    if (!text) return {};
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Partial<Record<SecretName, string>>) : {};
  };
  return {
    async get(name) {
      const encrypted = (await readAll())[name];
      if (!encrypted || !safeStorage.isEncryptionAvailable()) return undefined;
      return safeStorage.decryptString(Buffer.from(encrypted, 'base64'));
    },
    async set(name, value) {
      const all = await readAll();
      if (value === undefined || value === '') {
        delete all[name];
      } else {
        if (!safeStorage.isEncryptionAvailable()) throw new SecretStorageUnavailableError();
        all[name] = safeStorage.encryptString(value).toString('base64');
      }
      await files.write(JSON.stringify(all));
    },
  };
}
