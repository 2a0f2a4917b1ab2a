/**
 * The sandbox's mutable state (requests, cards published or edited through it, uploads) over the immutable
 * seed catalogue, with the lookups the routes need. Plain JSON-serialisable records; every change marks the
 * record dirty so persistence.ts can journal exactly what changed (`takeChanges`) and compact from `snapshot`.
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

/** The id counters: persisted with every journal batch so an id handed out once is never handed out again. */
export type Counters = Pick<SandboxState, 'nextRequestId' | 'nextProductId' | 'nextNtinSerial' | 'nextUploadId'>;

/** What changed since the last `takeChanges`: keys only; the records are read when the batch is written. */
export interface PendingChanges {
  requests: Set<number>;
  cards: Set<string>;
  uploads: Set<string>;
  /** The whole state was replaced (admin reset): only a full snapshot describes it. */
  replaced: boolean;
}

const noChanges = (): PendingChanges => ({ requests: new Set(), cards: new Set(), uploads: new Set(), replaced: false });

export class SandboxStore {
  readonly seed: Seed;
  private counters: Counters;
  /** Insertion order = id order (ids only grow), which the list route relies on. */
  private readonly requests = new Map<number, StoredRequest>();
  private readonly cardsByNtin = new Map<string, CardRecord>();
  private readonly ntinsByGtin = new Map<string, Set<string>>();
  private readonly uploads = new Map<string, UploadRecord>();
  /** Stored cards sorted by (modified, id), for the export feed; kept sorted by binary insertion. */
  private feedOrder: CardRecord[] = [];
  private pending: PendingChanges = noChanges();
  private readonly onChange: () => void;

  constructor(seed: Seed, state: SandboxState, onChange: () => void = () => {}) {
    this.seed = seed;
    this.counters = countersOf(state);
    this.onChange = onChange;
    this.load(state);
  }

  /** The whole state as plain data (for compaction). */
  snapshot(): SandboxState {
    return {
      version: 1,
      ...this.counters,
      requests: [...this.requests.values()],
      cards: [...this.cardsByNtin.values()],
      uploads: [...this.uploads.values()],
    };
  }

  /** Replaces every record (admin reset). Counters never go back, so no id is handed out twice. */
  replace(state: SandboxState): void {
    const counters = countersOf(state);
    for (const key of Object.keys(counters) as (keyof Counters)[]) counters[key] = Math.max(counters[key], this.counters[key]);
    this.counters = counters;
    this.load(state);
    this.pending = { ...noChanges(), replaced: true };
    this.onChange();
  }

  currentCounters(): Counters {
    return { ...this.counters };
  }

  /** The keys changed since the last call; the caller persists them (and hands them back on failure). */
  takeChanges(): PendingChanges {
    const taken = this.pending;
    this.pending = noChanges();
    return taken;
  }

  /** True while a change of this request (or a reset) waits to be persisted. */
  hasPendingRequest(id: number): boolean {
    return this.pending.replaced || this.pending.requests.has(id);
  }

  /** A write failed: its changes are pending again (merged with anything newer). */
  restoreChanges(changes: PendingChanges): void {
    for (const id of changes.requests) this.pending.requests.add(id);
    for (const ntin of changes.cards) this.pending.cards.add(ntin);
    for (const name of changes.uploads) this.pending.uploads.add(name);
    this.pending.replaced ||= changes.replaced;
  }

  private load(state: SandboxState): void {
    this.requests.clear();
    this.cardsByNtin.clear();
    this.ntinsByGtin.clear();
    this.uploads.clear();
    for (const request of [...state.requests].sort((a, b) => a.id - b.id)) this.requests.set(request.id, request);
    for (const card of state.cards) this.indexCard(card);
    for (const upload of state.uploads) this.uploads.set(upload.filename, upload);
    this.feedOrder = [...this.cardsByNtin.values()].sort(byModified);
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
    return this.counters.nextRequestId++;
  }

  addRequest(request: StoredRequest): void {
    this.requests.set(request.id, request);
    this.touch(request);
  }

  /** Marks a request changed (its fields were mutated in place). */
  touch(request: StoredRequest): void {
    this.pending.requests.add(request.id);
    this.onChange();
  }

  request(id: number): StoredRequest | undefined {
    return this.requests.get(id);
  }

  /** Every request, in id order. */
  allRequests(): StoredRequest[] {
    return [...this.requests.values()];
  }

  deleteRequest(id: number): void {
    this.requests.delete(id);
    this.pending.requests.add(id);
    this.onChange();
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
    return [...this.cardsByNtin.values()];
  }

  /** Adds a newly published card or replaces the stored version of an existing NTIN. */
  saveCard(card: CardRecord): void {
    const existing = this.cardsByNtin.get(card.ntin);
    if (existing) {
      if (existing.gtin) this.ntinsByGtin.get(existing.gtin)?.delete(card.ntin);
      const at = this.feedOrder.indexOf(existing, feedPosition(this.feedOrder, existing));
      if (at !== -1) this.feedOrder.splice(at, 1);
    }
    this.indexCard(card);
    this.feedOrder.splice(feedPosition(this.feedOrder, card), 0, card);
    this.pending.cards.add(card.ntin);
    this.onChange();
  }

  mintNtinSerial(): number {
    return this.counters.nextNtinSerial++;
  }

  mintProductId(): number {
    return this.counters.nextProductId++;
  }

  // -------------------------------------------------------------------------------------------- uploads

  addUpload(upload: Omit<UploadRecord, 'id'>): UploadRecord {
    const record = { ...upload, id: this.counters.nextUploadId++ };
    this.uploads.set(record.filename, record);
    this.pending.uploads.add(record.filename);
    this.onChange();
    return record;
  }

  upload(filename: string): UploadRecord | undefined {
    return this.uploads.get(filename);
  }
}

function countersOf(state: Counters): Counters {
  return {
    nextRequestId: state.nextRequestId,
    nextProductId: state.nextProductId,
    nextNtinSerial: state.nextNtinSerial,
    nextUploadId: state.nextUploadId,
  };
}

/** The first index whose card sorts at or after `card` (binary search over the feed order). */
function feedPosition(order: readonly CardRecord[], card: CardRecord): number {
  let low = 0;
  let high = order.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (byModified(order[middle] as CardRecord, card) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}
