/**
 * The page's side of the catalogue-copy worker: starts it, hands it a port that fetches export pages through the
 * bridge (the worker cannot reach the bridge), and turns its coded failures into translatable messages.
 */
import * as Comlink from 'comlink';
import { maxSavedFileBytes, type Bridge } from '../../../shared/bridge.ts';
import { connectWorker, transfer, WorkerError, type WorkerConnection } from '../../workers/rpc.ts';
import type { ExportPageRequest, ExportPageResult } from '../../../shared/catalogue-export-call.ts';
import type { CatalogueCopyApi, ExportPageEndpoint } from '../../workers/catalogue-copy.worker.ts';
import type { CopyProgress, CopyRunResult } from './copy-sync.ts';
import { snapshotFileName } from '../../../shared/inspection/snapshot.ts';
import type { CopyKeyMap } from '../../../shared/inspection/copy-key-map.ts';

let connection: WorkerConnection<CatalogueCopyApi> | undefined;
function worker(): WorkerConnection<CatalogueCopyApi> {
  connection ??= connectWorker<CatalogueCopyApi>(() => new Worker(new URL('../../workers/catalogue-copy.worker.ts', import.meta.url), { type: 'module', name: 'catalogue-copy' }));
  return connection;
}

export interface RunOptions {
  onProgress: (progress: CopyProgress) => void;
  signal: AbortSignal;
}

export async function runDownload(bridge: Bridge, options: RunOptions): Promise<CopyRunResult> {
  const channel = new MessageChannel();
  const endpoint = prefetchingEndpoint((request) => bridge.catalogue.exportPage(request));
  Comlink.expose(endpoint, channel.port1);
  try {
    // The feed's largest page (5000): fewer round trips through the bridge.
    return await worker().api.download(transfer({ port: channel.port2, limit: 5000 }, [channel.port2]), options);
  } finally {
    channel.port1.close();
  }
}

/** Pages fetched ahead of the worker's asks, at most this many waiting. */
const PAGES_AHEAD = 2;

/**
 * Serves export pages to the worker and, as soon as a page names its `next`, starts fetching that one too, so
 * the feed's chain of requests never waits for the worker (busy writing) to ask. Only links the host itself
 * returned are fetched ahead; the host checks them like any other.
 */
export function prefetchingEndpoint(fetchPage: (request: ExportPageRequest) => Promise<ExportPageResult>): ExportPageEndpoint {
  const ahead = new Map<string, Promise<ExportPageResult>>();
  /** The newest answer whose `next` waits for a free slot. */
  let stalled: ExportPageResult | undefined;
  const follow = (answer: Promise<ExportPageResult>) => {
    answer.then(
      (result) => {
        if (!result.ok || !result.next || ahead.has(result.next)) return;
        if (ahead.size >= PAGES_AHEAD) {
          stalled = result;
          return;
        }
        const next = fetchPage({ url: result.next });
        next.catch(() => undefined); // reported when the worker asks for it
        ahead.set(result.next, next);
        follow(next);
      },
      () => undefined,
    );
    return answer;
  };
  return {
    page(request) {
      const waiting = request.url === undefined ? undefined : ahead.get(request.url);
      if (!waiting || request.url === undefined) return follow(fetchPage(request));
      ahead.delete(request.url);
      if (stalled) {
        const resume = stalled;
        stalled = undefined;
        follow(Promise.resolve(resume));
      }
      return waiting;
    },
  };
}

/** The copy's key map for the page's lookups (db/copy-lookup.ts), read in the worker. */
export function loadCopyKeyMap(databaseName: string): Promise<CopyKeyMap> {
  return worker().api.keyMap({ databaseName });
}

export function runImport(file: Blob, options: RunOptions): Promise<CopyRunResult> {
  return worker().api.importSnapshot({ file }, options);
}

/** A failure found on the page's side (not in the worker), coded like the worker's. */
class CopyPageError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'CopyPageError';
  }
}

export interface SavedCopy {
  saved: boolean;
  location: string | undefined;
  bytes: number;
}

/**
 * Writes the held copy as a `.ncgsnap` (in the worker) and saves it through the bridge's `files:save` (a save
 * dialog in the desktop app, a download in the web twin). The bridge takes at most `maxSavedFileBytes`: a
 * larger file is refused here with its size, before the bridge would refuse it.
 */
export async function runSaveCopy(bridge: Bridge, copyDate: string | undefined, options: RunOptions): Promise<SavedCopy> {
  const { bytes } = await worker().api.writeSnapshot({}, options);
  if (bytes.byteLength > maxSavedFileBytes) throw new CopyPageError('tooLarge', { size: bytes.byteLength, max: maxSavedFileBytes });
  const answer = await bridge.files.save({ suggestedName: snapshotFileName(copyDate), mimeType: 'application/octet-stream', bytes: bytes as Uint8Array<ArrayBuffer> });
  return { saved: answer.saved, location: answer.location, bytes: bytes.byteLength };
}

/** A failed run as a message: the worker's code (ours or the snapshot's key) with its JSON parameters. */
export function copyErrorMessage(error: unknown): { key: string; params: Record<string, string | number> } {
  if (error instanceof CopyPageError) return { key: `inspectionUi.copyErrors.${error.code}`, params: error.params };
  if (error instanceof WorkerError) {
    let params: Record<string, string | number> = {};
    try {
      const parsed: unknown = JSON.parse(error.message);
      if (parsed && typeof parsed === 'object') params = parsed as Record<string, string | number>;
    } catch {
      // the channel's own codes carry plain text
    }
    if (error.code.startsWith('inspection.snapshot.')) return { key: error.code, params };
    const known = ['badPage', 'network', 'unauthorised', 'quota', 'crashed', 'notComplete'];
    return { key: `inspectionUi.copyErrors.${known.includes(error.code) ? error.code : 'failed'}`, params };
  }
  return { key: 'inspectionUi.copyErrors.failed', params: {} };
}
