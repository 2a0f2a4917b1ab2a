/**
 * What the catalogue's status means for the officer (catalogue-api.md §6.2 "recommended mapping"): each
 * request status becomes one of a few app states, with whether the officer must act.
 */
import type { RequestStatus } from '../catalogue/dto.ts';
import type { RemoteState, SyncRecord } from './types.ts';

export const appStates = [
  'sending',
  'draftInCatalogue',
  'inModeration',
  'needsRework',
  'duplicateReview',
  'readyToPublish',
  'hasNtin',
  'existingChosen',
  'rejected',
  'withdrawn',
  'failed',
  'cancelled',
] as const;
export type AppState = (typeof appStates)[number];

/** The parts of `/status` kept on the record. */
export function describeRemote(status: RequestStatus): Omit<RemoteState, 'checkedAt'> {
  const duplicateReview = status.code === 'underRevision' && (status.nextAction?.endpoint ?? '').includes('/duplicates');
  return {
    code: status.code,
    status,
    ...(status.ntinCode ? { ntin: status.ntinCode } : {}),
    ...(status.productUrl ? { productUrl: status.productUrl } : {}),
    ...(duplicateReview ? { duplicateReview: true } : {}),
  };
}

// Only a refusal ends the ЦЭФ part for sure: `publishingGz` may still turn into a revision (the spec lists no final code).
const finalGz = new Set(['rejectedGz']);

/** An extended card's ЦЭФ part still moving (the base code stays `completed` meanwhile). */
export function pendsOnCatalogue(remote: RemoteState | undefined): boolean {
  const gz = remote?.status?.gzStatus;
  return gz === undefined ? remote?.code !== 'completed' : !finalGz.has(gz.code);
}

export function appStateOf(record: SyncRecord): AppState {
  if (record.phase === 'failed') return 'failed';
  if (record.phase === 'cancelled') return 'cancelled';
  if (record.phase === 'pending') return 'sending';
  const remote = record.remote;
  switch (remote?.code) {
    case 'new':
      return 'draftInCatalogue';
    case 'onModeration':
    case 'accepted':
      return 'inModeration';
    case 'underRevision':
    case 'underRevisionGz':
      return remote.duplicateReview ? 'duplicateReview' : 'needsRework';
    case 'readyToPublish':
      return 'readyToPublish';
    case 'completed':
      return 'hasNtin';
    case 'existingProductSelected':
      return 'existingChosen';
    case 'rejected':
      return 'rejected';
    case 'cancelled':
      return 'withdrawn';
    default:
      return 'inModeration';
  }
}

/** States in which the officer has something to do (a notification is due when one is entered). */
export function needsOfficer(state: AppState): boolean {
  return state === 'needsRework' || state === 'duplicateReview' || state === 'readyToPublish' || state === 'failed' || state === 'rejected';
}

/** The application may be edited locally (as the portal allows PUT): not while being sent or moderated. */
export function isEditable(record: SyncRecord | undefined): boolean {
  if (!record) return true;
  const state = appStateOf(record);
  return state === 'failed' || state === 'cancelled' || state === 'needsRework' || state === 'draftInCatalogue' || state === 'withdrawn';
}

/** A status known only by its code (from the list, or after our own submit). */
export function bareStatus(code: string): RequestStatus {
  return {
    code,
    value: undefined,
    ntinCode: undefined,
    productUrl: undefined,
    comment: undefined,
    reason: undefined,
    nextAction: undefined,
    revisionDetails: undefined,
    photoModeration: undefined,
    gzStatus: undefined,
  };
}

/** One remark the catalogue made about an application, placed where the editor shows it. */
export interface FieldRemark {
  /** An attribute code (`name_ru`, `measure`), `photos` for the AI photo check, or `` for the general comment. */
  field: string;
  comment: string;
  /** The value the moderator objected to, when given. */
  value?: string | undefined;
  source: 'moderator' | 'photoCheck' | 'procurement';
}

/**
 * The remarks of the last status, by field: `revisionDetails` on the attributes they name, `photoModeration`
 * on the photo slots, the ЦЭФ part's own remarks, and the general comment. For the editor to show each on
 * its field (features/applications reads them through `useSyncRecord`).
 */
export function remarksByField(record: SyncRecord | undefined): FieldRemark[] {
  const status = record?.remote?.status;
  if (!status) return [];
  const remarks: FieldRemark[] = [];
  const general = status.comment ?? status.reason;
  if (general) remarks.push({ field: '', comment: general, source: 'moderator' });
  for (const detail of status.revisionDetails ?? []) {
    remarks.push({ field: detail.attributeCode ?? '', comment: detail.comment ?? '', value: detail.value, source: 'moderator' });
  }
  if (status.photoModeration) remarks.push({ field: 'photos', comment: status.photoModeration.comment ?? '', value: String(status.photoModeration.score), source: 'photoCheck' });
  for (const detail of status.gzStatus?.revisionDetails ?? []) {
    remarks.push({ field: detail.attributeCode ?? '', comment: detail.comment ?? '', value: detail.value, source: 'procurement' });
  }
  if (status.gzStatus?.comment) remarks.push({ field: '', comment: status.gzStatus.comment, source: 'procurement' });
  return remarks;
}
