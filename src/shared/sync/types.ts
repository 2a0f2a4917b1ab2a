/**
 * The sync engine's vocabulary and its two ports: a store (Dexie in the page, a journal file on the command
 * line, memory in tests) and the catalogue (the portal client, or its bridge twin in the page).
 *
 * A job is what to send for one application; a record is the job plus every step's outcome so far. The
 * engine writes the record durably after each step, before starting the next one, so a restart resumes
 * where it stopped: the request id and the uploaded `filename`s are never asked for twice.
 */
import type { CallOptions } from '../catalogue/portal-client.ts';
import type {
  DuplicateDecision,
  DuplicateMatch,
  ImageType,
  Page,
  ProductRequestBody,
  RequestShort,
  RequestStatus,
  RequestStatusCode,
  UploadedFile,
} from '../catalogue/dto.ts';

/** The portal's upload limit for photos and PDFs (§4.17, §4.18). */
export const maxUploadBytes = 5 * 1024 * 1024;

/** One file to upload: a photo of one angle, or a document PDF. Bytes come from the store (`readFile`). */
export interface SyncFile {
  /** Stable id inside the job (the store resolves it to bytes: a blob id, a path). */
  id: string;
  kind: 'photo' | 'document';
  /** The angle of a photo. */
  slot?: ImageType | undefined;
  /** Name sent as the multipart file name. */
  name: string;
  size: number;
  /** A `fileName` the portal already holds (e.g. read from an edit draft): nothing to upload. */
  uploadedAs?: string | undefined;
}

export interface SyncJob {
  /** The local application's id. */
  applicationId: string;
  /** The request body without `imageFiles`/`documents`: the engine adds them from the uploads. */
  body: ProductRequestBody;
  files: SyncFile[];
  /** Publish when the request reaches `readyToPublish`. */
  publish?: boolean | undefined;
  /** Spreadsheet row (CLI) — only for messages. */
  row?: number | undefined;
  /** Bumped by every edit of the application; the update step sends the newest. */
  revision: number;
}

/**
 * Where an application stands. The sending steps run in this order; `sent` ends them, the moderation
 * follow-up then reads `remote`.
 */
export const syncSteps = ['upload', 'create', 'update', 'submit', 'sent'] as const;
export type SyncStep = (typeof syncSteps)[number];

/** The engine's own verdict on one application. */
export type SyncPhase =
  /** Waiting or being worked on. */
  | 'pending'
  /** Sent to moderation; followed by polling. */
  | 'sent'
  /** Stopped on an error that needs the user (the record keeps everything done so far). */
  | 'failed'
  /** The user cancelled it. */
  | 'cancelled';

/** A translatable error: `code` is a key of the `sync` (or `catalogue`) i18n namespace. */
export interface SyncProblem {
  code: SyncErrorCode;
  params?: Record<string, string | number> | undefined;
  /** The catalogue error's kind, when one caused it. */
  kind?: string | undefined;
  /** Attribute codes the catalogue named. */
  attributeCodes?: string[] | undefined;
  /** Technical detail for logs (never shown as the message). */
  detail?: string | undefined;
}

export const syncErrorCodes = [
  'sync.errors.notReady',
  'sync.errors.photoTooLarge',
  'sync.errors.documentMissing',
  'sync.errors.documentNotPdf',
  'sync.errors.fileMissing',
  'sync.errors.duplicateInBatch',
  'sync.errors.unauthorised',
  'sync.errors.misconfigured',
  'sync.errors.refused',
  'sync.errors.wrongStatus',
  'sync.errors.gaveUp',
  'sync.errors.lostCreate',
  'sync.errors.unexpected',
] as const;
export type SyncErrorCode = (typeof syncErrorCodes)[number];

/** What the catalogue last said about the request (from the batched list, completed by `/status`). */
export interface RemoteState {
  code: RequestStatusCode | string;
  /** Details read by `/status` when the code changed to one that carries them. */
  status?: RequestStatus | undefined;
  ntin?: string | undefined;
  productUrl?: string | undefined;
  /** `underRevision` because of similar cards: the officer must choose CONTINUE or USE_EXISTING. */
  duplicateReview?: boolean | undefined;
  checkedAt: number;
}

export interface SyncRecord {
  applicationId: string;
  job: SyncJob;
  phase: SyncPhase;
  /** The next step to do (or `sent`). */
  step: SyncStep;
  /** File id → the portal's `filename`, written as each upload is accepted. */
  uploaded: Record<string, string>;
  /** Set durably *before* the create is posted: a restart with no `requestId` must reconcile, not post. */
  createStarted?: boolean | undefined;
  requestId?: number | undefined;
  /** The job revision the last successful update sent. */
  sentRevision?: number | undefined;
  /** Failed attempts of the current step (reset when a step succeeds). */
  attempts: number;
  problem?: SyncProblem | undefined;
  remote?: RemoteState | undefined;
  /** Status history, oldest first: `{code, at}` each time the code changed. */
  history: { code: string; at: number }[];
  updatedAt: number;
}

/**
 * The storage port. `put` resolves only once the record is durable (fsync'd, committed): the engine relies
 * on it to never repeat a step whose outcome it has seen.
 */
export interface SyncStore {
  list(): Promise<SyncRecord[]>;
  get(applicationId: string): Promise<SyncRecord | undefined>;
  put(record: SyncRecord): Promise<void>;
  /** The bytes of a job's file. Rejects when the file is gone. */
  readFile(job: SyncJob, file: SyncFile): Promise<Uint8Array>;
}

/** The catalogue as the engine uses it: `PortalClient` satisfies it; the page passes its bridge twin. */
export interface SyncCatalogue {
  listRequests(query: { page: number; size: number; status?: Exclude<RequestStatusCode, 'underRevisionGz'> | undefined }, o?: CallOptions): Promise<Page<RequestShort>>;
  createRequest(body: ProductRequestBody, o?: CallOptions): Promise<number>;
  updateRequest(id: number, body: ProductRequestBody, o?: CallOptions): Promise<void>;
  submitForModeration(id: number, o?: CallOptions): Promise<void>;
  publishRequest(id: number, o?: CallOptions): Promise<void>;
  cancelRequest(id: number, o?: CallOptions): Promise<void>;
  deleteRequest(id: number, o?: CallOptions): Promise<void>;
  getStatus(id: number, o?: CallOptions): Promise<RequestStatus>;
  getDuplicates(id: number, o?: CallOptions): Promise<DuplicateMatch[]>;
  decideDuplicates(id: number, decision: DuplicateDecision, o?: CallOptions): Promise<void>;
  uploadPhoto(file: { file: Uint8Array; fileName: string; contentType?: string }, o?: CallOptions): Promise<UploadedFile>;
  uploadDocument(file: { file: Uint8Array; fileName: string; contentType?: string }, o?: CallOptions): Promise<UploadedFile>;
}

/** What the engine is doing as a whole. */
export type EngineState = 'idle' | 'running' | 'paused' | 'offline' | 'stopped';

export interface EngineSnapshot {
  state: EngineState;
  /** Why the engine stopped by itself (wrong key, wrong address). */
  problem?: SyncProblem | undefined;
  counts: { pending: number; sent: number; failed: number; cancelled: number; total: number };
  /** Bytes uploaded in this run and bytes still to upload. */
  bytes: { done: number; total: number };
  /** Applications being worked on now, with their step. */
  active: { applicationId: string; step: SyncStep }[];
}
