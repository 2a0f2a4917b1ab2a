/**
 * The bridge's upload channel (`catalogue:upload`): a photo or a document PDF crosses from the page to the
 * host as bytes, and the host checks it before its key touches it — at most 5 MB, a JPEG/PNG photo or a
 * real PDF (by content, and a `.pdf` name) — then uploads it with its own portal client.
 */
import { z } from 'zod';
import type { PortalClient } from '../catalogue/portal-client.ts';
import { CatalogueError } from '../catalogue/errors.ts';
import { maxUploadBytes } from './types.ts';

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((byte, index) => bytes[index] === byte);
export const isJpegOrPng = (bytes: Uint8Array) => startsWith(bytes, [0xff, 0xd8, 0xff]) || startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
export const isPdf = (bytes: Uint8Array) => startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]);

export const catalogueUploadRequestSchema = z
  .object({
    kind: z.enum(['photo', 'document']),
    fileName: z.string().min(1).max(255).refine((name) => !/[\\/]/u.test(name) && ![...name].some((char) => char.charCodeAt(0) < 0x20), 'a plain file name'),
    bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'bytes (Uint8Array)').refine((bytes) => bytes.byteLength > 0 && bytes.byteLength <= maxUploadBytes, `1 byte to ${String(maxUploadBytes)} bytes`),
  })
  .superRefine((request, context) => {
    if (request.kind === 'photo' && !isJpegOrPng(request.bytes)) context.addIssue({ code: 'custom', path: ['bytes'], message: 'a photo must be a JPEG or PNG image' });
    if (request.kind === 'document' && (!isPdf(request.bytes) || !/\.pdf$/iu.test(request.fileName))) {
      context.addIssue({ code: 'custom', path: ['bytes'], message: 'a document must be a PDF file named *.pdf' });
    }
  });
export type CatalogueUploadRequest = z.infer<typeof catalogueUploadRequestSchema>;

/** Runs a checked upload with the host's client; the outcome travels as data like `catalogue:call`'s. */
export async function runCatalogueUpload(client: Pick<PortalClient, 'uploadPhoto' | 'uploadDocument'>, request: CatalogueUploadRequest) {
  const file = { file: request.bytes, fileName: request.fileName, contentType: request.kind === 'document' ? 'application/pdf' : undefined };
  try {
    const value = request.kind === 'document' ? await client.uploadDocument(file) : await client.uploadPhoto(file);
    return { ok: true as const, value };
  } catch (error) {
    if (error instanceof CatalogueError) return { ok: false as const, error: error.toData() };
    throw error;
  }
}
