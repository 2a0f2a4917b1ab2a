/** What every route handler can reach: the seed, the state, the moderator, the fault injector, the clock. */
import type { FaultInjector } from './faults.ts';
import type { MediaStore } from './media-store.ts';
import type { ModerationEngine } from './moderation.ts';
import type { Seed } from './seed/index.ts';
import type { SandboxStore, StoredRequest } from './store.ts';
import { fail } from './http.ts';

export interface SandboxCore {
  seed: Seed;
  store: SandboxStore;
  engine: ModerationEngine;
  faults: FaultInjector;
  apiKey: string;
  exportToken: string;
  now: () => number;
  /** A fresh unique file id (uuid) for uploads. */
  newFileId: () => string;
  /** The bytes of uploaded photos, served at the media route. */
  media: MediaStore;
}

/** The request with this id, advanced by the moderator's clock; 404 NOT_FOUND when unknown. */
export function requireRequest(core: SandboxCore, rawId: string | undefined): StoredRequest {
  const id = Number(rawId);
  const request = Number.isSafeInteger(id) ? core.store.request(id) : undefined;
  if (!request) throw fail.notFound(`заявка ${rawId ?? ''} не найдена`);
  core.engine.tick(request);
  return request;
}

/** `page` (≥ 1) and `size` (1–100), both required (§2.6); 400 otherwise. */
export function pageParams(query: URLSearchParams): { page: number; size: number } {
  const page = Number(query.get('page'));
  const size = Number(query.get('size'));
  const problems: string[] = [];
  if (!query.has('page') || !Number.isInteger(page) || page < 1) problems.push("'page' — обязательный параметр, целое число от 1");
  if (!query.has('size') || !Number.isInteger(size) || size < 1 || size > 100) problems.push("'size' — обязательный параметр, целое число от 1 до 100");
  if (problems.length) throw fail.validation(problems.join('; '));
  return { page, size };
}

export function paged<T>(items: readonly T[], page: number, size: number) {
  return {
    content: items.slice((page - 1) * size, page * size),
    totalElements: items.length,
    totalPages: Math.ceil(items.length / size),
  };
}
