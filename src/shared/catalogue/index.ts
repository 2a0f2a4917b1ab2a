/**
 * The NCG catalogue protocol: DTO schemas, the portal and export clients, errors, paging.
 * See catalogue-api.md; the sandbox (src/sandbox) serves the same protocol locally.
 */
export * from './dto.ts';
export * from './export-dto.ts';
export * from './errors.ts';
export * from './retry.ts';
export * from './base-url.ts';
export * from './paging.ts';
export * from './operations.ts';
export { createPortalClient, editableStatuses, type PortalClient, type PortalClientOptions, type CallOptions } from './portal-client.ts';
export { createRequestOnce, defaultMatcher, type CreateOnceOptions, type CreateOnceResult } from './create-once.ts';
export {
  createExportClient,
  type ExportClient,
  type ExportClientOptions,
  type ExportFeed,
  type ExportPage,
  type FeedOptions,
} from './export-client.ts';
export { defaultSleep, type RetryEvent, type Sleep } from './transport.ts';
