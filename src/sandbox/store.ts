/**
 * The sandbox's mutable state (requests, cards published or edited through it, uploads) over the immutable
 * seed catalogue, with the lookups the routes need. Plain JSON-serialisable data: persistence.ts writes it.
 */
import type { DuplicateMatch, GzStatusCode, ProductRequestBody, RequestStatusCode } from '../shared/catalogue/dto.ts';
import type { CardRecord, Seed } from './seed/index.ts';

export interface RevisionDetail {
  attributeCode: string;
  value?: string;
  comment: string;
}

/** What `/status` shows beyond code and value (empty fields are omitted there). */
export interface StatusExtras {
  comment?: string;
  reason?: string;
  nextAction?: { description: string; method: string; endpoint: string };
  revisionDetails?: RevisionDetail[];
  photoModeration?: { score: number; comment: string };
  ntinCode?: string;
  productUrl?: string;
  rejectionReason?: { reason: string; reasonItem: { code: string; nameRu: string; nameKk: string } };
}

export interface StoredRequest {
  id: number;
  body: ProductRequestBody;
  status: RequestStatusCode;
  /** `edit` when created with `ntin` or by edit-product. */
  kind: 'new' | 'edit';
  editNtin?: string;
  createdMs: number;
  updatedMs: number;
  /** When it was last submitted to moderation (delay mode measures from here). */
  submittedMs?: number;
  extras: StatusExtras;
  /** The duplicate candidates of the last check; absent when no check ran (then `/duplicates` is 404). */
  duplicates?: DuplicateMatch[];
  awaitingDuplicateDecision?: boolean;
  /** CONTINUE was chosen: the duplicate check does not stop this request again. */
  duplicatesCleared?: boolean;
  /** Scripted markers already acted on (each acts once per request). */
  firedMarkers?: string[];
  gz?: { code: GzStatusCode; comment?: string };
  productId?: number;
}

export interface UploadRecord {
  id: number;
  filename: string;
  originalFilename: string;
  fileExtension: string;
  sizeBytes: number;
  kind: 'photo' | 'document';
  createdAt: number;
}

export interface SandboxState {
  version: 1;
  nextRequestId: number;
  nextProductId: number;
  nextNtinSerial: number;
  nextUploadId: number;
  requests: StoredRequest[];
  /** Cards published through the sandbox, and seed cards changed by edit requests (same NTIN). */
  cards: CardRecord[];
  uploads: UploadRecord[];
}

/** NTIN serials of sandbox publications start here, far above any seed card's serial. */
export const firstPublishedSerial = 90_000_001;
export const firstPublishedProductId = 20_000_001;
export const firstRequestId = 100_001;

export function emptyState(): SandboxState {
  return {
    version: 1,
    nextRequestId: firstRequestId,
    nextProductId: firstPublishedProductId,
    nextNtinSerial: firstPublishedSerial,
    nextUploadId: 1,
    requests: [],
    cards: [],
    uploads: [],
  };
}

const byModified = (a: CardRecord, b: CardRecord) => a.modified - b.modified || a.id - b.id;

export class SandboxStore {
  readonly seed: Seed;
  private state: SandboxState;
  private readonly requests = new Map<number, StoredRequest>();
  private readonly cardsByNtin = new Map<string, CardRecord>();
  private readonly ntinsByGtin = new Map<string, Set<string>>();
  private readonly uploads = new Map<string, UploadRecord>();
  /** Stored cards sorted by (modified, id), for the export feed. */
  private feedOrder: CardRecord[] = [];
  private readonly onChange: () => void;

  constructor(seed: Seed, state: SandboxState, onChange: () => void = () => {}) {
    this.seed = seed;
    this.state = state;
    this.onChange = onChange;
    this.reindex();
  }

  snapshot(): SandboxState {
    return this.state;
  }

  replace(state: SandboxState): void {
    this.state = state;
    this.reindex();
    this.changed();
  }

  changed(): void {
    this.onChange();
  }

  private reindex(): void {
    this.requests.clear();
    this.cardsByNtin.clear();
    this.ntinsByGtin.clear();
    this.uploads.clear();
    for (const request of this.state.requests) this.requests.set(request.id, request);
    for (const card of this.state.cards) this.indexCard(card);
    for (const upload of this.state.uploads) this.uploads.set(upload.filename, upload);
    this.feedOrder = [...this.state.cards].sort(byModified);
  }

  private indexCard(card: CardRecord): void {
    this.cardsByNtin.set(card.ntin, card);
    if (card.gtin) {
      const set = this.ntinsByGtin.get(card.gtin) ?? new Set<string>();
      set.add(card.ntin);
      this.ntinsByGtin.set(card.gtin, set);
    }
  }

  // ------------------------------------------------------------------------------------------- requests

  nextRequestId(): number {
    return this.state.nextRequestId++;
  }

  addRequest(request: StoredRequest): void {
    this.state.requests.push(request);
    this.requests.set(request.id, request);
    this.changed();
  }

  request(id: number): StoredRequest | undefined {
    return this.requests.get(id);
  }

  allRequests(): StoredRequest[] {
    return this.state.requests;
  }

  deleteRequest(id: number): void {
    this.requests.delete(id);
    this.state.requests = this.state.requests.filter((request) => request.id !== id);
    this.changed();
  }

  // ---------------------------------------------------------------------------------------------- cards

  /** The current card with this NTIN: a stored one (published or edited) first, then the seed. */
  cardByNtin(ntin: string): CardRecord | undefined {
    const stored = this.cardsByNtin.get(ntin);
    if (stored) return stored;
    const index = this.seed.cards.indexOfNtin(ntin);
    return index === undefined ? undefined : this.seed.cards.card(index);
  }

  /** Every current card carrying this GTIN (a GTIN is not unique), ordered by product id. */
  cardsByGtin(gtin: string): CardRecord[] {
    const normalised = gtin.length === 14 && gtin.startsWith('0') ? gtin.slice(1) : gtin;
    const found = new Map<string, CardRecord>();
    for (const index of this.seed.cards.indicesOfGtin(normalised)) {
      const card = this.seed.cards.card(index);
      if (!this.cardsByNtin.has(card.ntin)) found.set(card.ntin, card);
    }
    for (const ntin of this.ntinsByGtin.get(normalised) ?? []) {
      const card = this.cardsByNtin.get(ntin);
      if (card && card.gtin === normalised) found.set(ntin, card);
    }
    return [...found.values()].sort((a, b) => a.id - b.id);
  }

  isOverridden(ntin: string): boolean {
    return this.cardsByNtin.has(ntin);
  }

  storedCardsInFeedOrder(): readonly CardRecord[] {
    return this.feedOrder;
  }

  storedCards(): readonly CardRecord[] {
    return this.state.cards;
  }

  /** Adds a newly published card or replaces the stored version of an existing NTIN. */
  saveCard(card: CardRecord): void {
    const existing = this.cardsByNtin.get(card.ntin);
    if (existing) {
      this.state.cards = this.state.cards.map((stored) => (stored.ntin === card.ntin ? card : stored));
      if (existing.gtin) this.ntinsByGtin.get(existing.gtin)?.delete(card.ntin);
    } else this.state.cards.push(card);
    this.indexCard(card);
    this.feedOrder = [...this.state.cards].sort(byModified);
    this.changed();
  }

  mintNtinSerial(): number {
    return this.state.nextNtinSerial++;
  }

  mintProductId(): number {
    return this.state.nextProductId++;
  }

  // -------------------------------------------------------------------------------------------- uploads

  addUpload(upload: Omit<UploadRecord, 'id'>): UploadRecord {
    const record = { ...upload, id: this.state.nextUploadId++ };
    this.state.uploads.push(record);
    this.uploads.set(record.filename, record);
    this.changed();
    return record;
  }

  upload(filename: string): UploadRecord | undefined {
    return this.uploads.get(filename);
  }
}
