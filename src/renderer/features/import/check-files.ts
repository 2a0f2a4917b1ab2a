/**
 * The page's deeper look at the photos and PDFs a sheet names, once the worker's core checks passed them: the
 * same as the editor's (each photo through the photo worker, decoded and re-encoded when over 5 MB; each PDF
 * opened by pdf.js). What fails becomes a verdict the worker puts on the rows; what passes is kept, prepared,
 * to be stored with the drafts.
 */
import { portalFileLimitBytes } from '../../../shared/application/validate.ts';
import type { PdfProblem } from '../../workers/pdf-inspection.ts';
import { inspectPdf } from '../../workers/pdf-inspection.ts';
import { sniffFile } from '../../workers/file-signature.ts';
import { preparePhotoInWorker } from '../../workers/photo-worker-client.ts';
import { WorkerError } from '../../workers/rpc.ts';
import type { FileVerdict, PendingFile, PreparedFile } from './import-protocol.ts';

/** Longer side of the photo thumbnails, as the editor draws them. */
const thumbnailSide = 320;

function megabytes(bytes: number): string {
  return (bytes / 1_048_576).toFixed(1);
}

function pdfVerdict(file: PendingFile, problem: PdfProblem): FileVerdict {
  const path = file.path;
  switch (problem.code) {
    case 'empty':
      return { ...file, key: 'application.import.files.empty', params: { path } };
    case 'notPdf':
      return { ...file, key: 'application.import.files.notPdf', params: { path, format: problem.actual.toUpperCase() } };
    case 'tooLarge':
      return { ...file, key: 'application.import.files.tooLarge', params: { path, size: megabytes(problem.bytes), max: megabytes(problem.maxBytes) } };
    case 'corrupt':
      return { ...file, key: problem.truncated ? 'application.import.files.pdfTruncated' : 'application.import.files.pdfUnreadable', params: { path } };
    case 'passwordProtected':
      return { ...file, key: 'application.import.files.pdfPassword', params: { path } };
    case 'encrypted':
      return { ...file, key: 'application.import.files.pdfEncrypted', params: { path } };
    case 'noPages':
      return { ...file, key: 'application.import.files.pdfNoPages', params: { path } };
  }
}

export interface FilesLook {
  verdicts: FileVerdict[];
  prepared: PreparedFile[];
}

export async function lookAtFiles(pending: readonly PendingFile[], folder: ReadonlyMap<string, File>, onProgress: (done: number, total: number) => void): Promise<FilesLook> {
  const verdicts: FileVerdict[] = [];
  const prepared: PreparedFile[] = [];
  let done = 0;
  onProgress(done, pending.length);
  for (const entry of pending) {
    const file = folder.get(entry.path);
    const path = entry.path;
    if (!file) verdicts.push({ ...entry, key: 'application.import.files.missing', params: { path } });
    else if (entry.kind === 'photo') {
      try {
        prepared.push({ path, kind: 'photo', file, prepared: await preparePhotoInWorker({ file, maxBytes: portalFileLimitBytes, thumbnailSide }) });
      } catch (error) {
        const code = error instanceof WorkerError ? error.code : 'failed';
        const format = (await sniffFile(file)).toUpperCase();
        if (code === 'undecodable') verdicts.push({ ...entry, key: 'application.import.files.undecodable', params: { path, format } });
        else if (code === 'cannotFit') verdicts.push({ ...entry, key: 'application.import.files.cannotFit', params: { path, max: megabytes(portalFileLimitBytes) } });
        else verdicts.push({ ...entry, key: 'application.import.files.failed', params: { path } });
      }
    } else {
      try {
        const inspection = await inspectPdf(file, { maxBytes: portalFileLimitBytes });
        if (inspection.ok) prepared.push({ path, kind: 'document', file, thumbnail: inspection.facts.thumbnail });
        else verdicts.push(pdfVerdict(entry, inspection.problem));
      } catch {
        verdicts.push({ ...entry, key: 'application.import.files.failed', params: { path } });
      }
    }
    done += 1;
    onProgress(done, pending.length);
  }
  return { verdicts, prepared };
}
