/**
 * Bad input is refused before anything is sent: an application that is not ready, a photo over the
 * portal's 5 MB limit or not a JPEG/PNG, a document that is missing or not a PDF, two applications that
 * would make the same draft (the reconcile key of a lost create is `name_ru` + ОКТРУ, and the catalogue
 * flags `name_ru` unique anyway).
 */
import { maxUploadBytes, type SyncJob, type SyncProblem, type SyncStore } from './types.ts';

export interface EnqueueEntry {
  job: SyncJob;
  /** Why the application is not ready (message keys of the caller's validation); empty or absent = ready. */
  notReady?: readonly string[] | undefined;
}

export interface Refusal {
  applicationId: string;
  row?: number | undefined;
  problems: SyncProblem[];
}

const isJpeg = (bytes: Uint8Array) => bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
const isPng = (bytes: Uint8Array) => bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
const isPdf = (bytes: Uint8Array) => bytes.length > 4 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';

/** The key two requests would be confused by after a lost create: `name_ru` and the ОКТРУ leaf. */
export function draftKey(job: SyncJob): string | undefined {
  const name = job.body.attributes.find((attribute) => attribute.code === 'name_ru')?.value?.trim();
  return name ? `${job.body.oktru.trim()}\u0000${name}` : undefined;
}

export async function checkJob(entry: EnqueueEntry, store: Pick<SyncStore, 'readFile'>): Promise<SyncProblem[]> {
  const { job } = entry;
  const problems: SyncProblem[] = [];
  if (entry.notReady && entry.notReady.length > 0) problems.push({ code: 'sync.errors.notReady', params: { reasons: entry.notReady.join(', ') } });
  else if (job.body.oktru.trim() === '' || (draftKey(job) === undefined && job.body.ntin === undefined)) {
    problems.push({ code: 'sync.errors.notReady', params: { reasons: 'oktru, name_ru' } });
  }
  for (const file of job.files) {
    if (file.uploadedAs) continue;
    let bytes: Uint8Array | undefined;
    try {
      bytes = await store.readFile(job, file);
    } catch {
      bytes = undefined;
    }
    if (file.kind === 'document') {
      if (!bytes || bytes.length === 0) problems.push({ code: 'sync.errors.documentMissing', params: { file: file.name } });
      else if (!isPdf(bytes) || !/\.pdf$/i.test(file.name)) problems.push({ code: 'sync.errors.documentNotPdf', params: { file: file.name } });
      else if (bytes.length > maxUploadBytes) problems.push({ code: 'sync.errors.photoTooLarge', params: { file: file.name, size: megabytes(bytes.length) } });
      continue;
    }
    if (!bytes || bytes.length === 0) problems.push({ code: 'sync.errors.fileMissing', params: { file: file.name } });
    else if (bytes.length > maxUploadBytes) problems.push({ code: 'sync.errors.photoTooLarge', params: { file: file.name, size: megabytes(bytes.length) } });
    else if (!isJpeg(bytes) && !isPng(bytes)) problems.push({ code: 'sync.errors.fileMissing', params: { file: file.name }, detail: 'not a JPEG or PNG' });
  }
  return problems;
}

function megabytes(bytes: number): string {
  return (bytes / 1048576).toFixed(1);
}

/** Problems of a batch: each job's own, plus draft keys used twice (in the batch or by a pending record). */
export async function checkBatch(
  entries: readonly EnqueueEntry[],
  store: Pick<SyncStore, 'readFile'>,
  takenKeys: ReadonlyMap<string, string> = new Map(),
): Promise<Refusal[]> {
  const refusals: Refusal[] = [];
  const seen = new Map(takenKeys);
  for (const entry of entries) {
    const problems = await checkJob(entry, store);
    const key = draftKey(entry.job);
    if (key !== undefined) {
      const other = seen.get(key);
      if (other !== undefined && other !== entry.job.applicationId) problems.push({ code: 'sync.errors.duplicateInBatch', params: { other } });
      else seen.set(key, entry.job.applicationId);
    }
    if (problems.length > 0) refusals.push({ applicationId: entry.job.applicationId, row: entry.job.row, problems });
  }
  return refusals;
}
