/**
 * What went wrong, as a message key the UI translates: errors cross into the page as codes, and a raw
 * `error.message` (English, technical) never reaches the officer.
 */
import { BridgeError } from '../../shared/bridge-client.ts';
import { isCatalogueError } from '../../shared/catalogue/errors.ts';

export interface ErrorText {
  key: string;
  params?: Record<string, string | number>;
}

/** An error that already carries its message key (`ui.…`, `photos.…`, …). */
export interface CodedError {
  code: string;
}

function hasMessageCode(error: unknown): error is CodedError {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' && /^[a-zA-Z]+\.[\w.]+$/u.test(error.code);
}

/** Names IndexedDB and Dexie give their failures (Dexie wraps the browser's error in `inner`). */
const storageErrorNames = new Set(['AbortError', 'InvalidStateError', 'UnknownError', 'OpenFailedError', 'DatabaseClosedError', 'VersionError', 'DataError', 'ConstraintError', 'ReadOnlyError', 'TransactionInactiveError']);

function errorName(error: unknown): string | undefined {
  if (!(error instanceof Error || error instanceof DOMException)) return undefined;
  const inner: unknown = (error as { inner?: unknown }).inner;
  return inner instanceof Error || inner instanceof DOMException ? inner.name : error.name;
}

export function errorText(error: unknown): ErrorText {
  if (isCatalogueError(error)) return { key: error.messageKey };
  if (error instanceof BridgeError) return { key: `ui.errors.bridge.${error.code}` };
  if (hasMessageCode(error)) return { key: error.code };
  const name = errorName(error);
  if (name === 'QuotaExceededError') return { key: 'ui.errors.storageFull' };
  if (name && storageErrorNames.has(name)) return { key: 'ui.errors.storage' };
  return { key: 'ui.errors.unexpected' };
}
