/**
 * The sandbox's moderator (catalogue-api.md §6, §7). After a successful submit the request is decided:
 *
 * - `instant`: decided at once (the next `/status` shows the outcome);
 * - `manual`: stays `onModeration` until an admin call (`POST /__sandbox/requests/{id}/moderate`);
 * - `{ delayMs }`: `accepted` after half the delay, decided after the whole delay (evaluated lazily on reads).
 *
 * The decision, in order:
 * 1. Scripted markers in `name_ru` (case-insensitive; each acts once per request, so a resubmission passes):
 *    `[revision]` → underRevision + comment + revisionDetails;
 *    `[reject]`   → rejected + comment + rejectionReason;
 *    `[similar]`  → underRevision + reason + nextAction → `/duplicates` (decide with duplicate-decision);
 *    `[exists]`   → rejected + the existing card's ntinCode and productUrl;
 *    `[photo]`    → underRevision + photoModeration (AI score below threshold).
 * 2. The duplicate check (new cards only, skipped after CONTINUE): a card with the same GTIN and the same
 *    `name_ru`, or a sandbox-published card with the same `name_ru`, → rejected as existing; another new
 *    request with the same `name_ru` already approved and waiting to publish → rejected as a duplicate of
 *    it; a card with the same GTIN but another name → similar.
 * 3. Otherwise approved: `readyToPublish`, or published at once when `autoPublication` is true.
 *
 * Publication checks once more (a twin may have been published since the approval, or approved by an admin
 * override): a new card identical to an existing one is not published; the request is rejected as existing.
 */
import { ntinFromSerial, type CardRecord } from './seed/index.ts';
import type { DuplicateMatch } from '../shared/catalogue/dto.ts';
import type { SandboxStore, StoredRequest } from './store.ts';
import { productUrl, valueOf } from './views.ts';
import { hash32 } from './seed/prng.ts';

export type ModerationMode = 'instant' | 'manual' | { delayMs: number };
export type ModerationOutcome = 'approve' | 'revision' | 'reject' | 'similar' | 'exists' | 'photo';
export const moderationOutcomes: readonly ModerationOutcome[] = ['approve', 'revision', 'reject', 'similar', 'exists', 'photo'];

export const markers: Record<string, ModerationOutcome> = {
  '[revision]': 'revision',
  '[reject]': 'reject',
  '[similar]': 'similar',
  '[exists]': 'exists',
  '[photo]': 'photo',
};

const waiting = new Set(['onModeration', 'accepted']);

export class ModerationEngine {
  mode: ModerationMode;
  private readonly store: SandboxStore;
  private readonly now: () => number;

  constructor(store: SandboxStore, mode: ModerationMode, now: () => number) {
    this.store = store;
    this.mode = mode;
    this.now = now;
  }

  /** The request was just submitted (its status checks passed). */
  submitted(request: StoredRequest): void {
    request.status = 'onModeration';
    request.submittedMs = this.now();
    request.updatedMs = this.now();
    request.extras = {};
    request.awaitingDuplicateDecision = false;
    if (this.mode === 'instant') this.decide(request);
    this.store.touch(request);
  }

  /** Lazy progress of delay mode: call before showing a request. */
  tick(request: StoredRequest): void {
    const mode = this.mode;
    if (typeof mode !== 'object' || !waiting.has(request.status) || request.submittedMs === undefined) return;
    const elapsed = this.now() - request.submittedMs;
    if (elapsed >= mode.delayMs) this.decide(request);
    else if (elapsed >= mode.delayMs / 2 && request.status === 'onModeration') {
      request.status = 'accepted';
      this.store.touch(request);
    }
  }

  /** Admin: the moderator takes the request (`onModeration` → `accepted`). */
  accept(request: StoredRequest): boolean {
    if (request.status !== 'onModeration') return false;
    request.status = 'accepted';
    request.updatedMs = this.now();
    this.store.touch(request);
    return true;
  }

  /** What the moderator would decide now (markers, then the duplicate check, then approval). */
  outcomeFor(request: StoredRequest): ModerationOutcome {
    const name = (valueOf(request.body.attributes, 'name_ru') ?? '').toLowerCase();
    const fired = new Set(request.firedMarkers ?? []);
    for (const [marker, outcome] of Object.entries(markers)) {
      if (name.includes(marker) && !fired.has(marker)) {
        if ((outcome === 'similar' || outcome === 'exists') && request.duplicatesCleared) continue;
        return outcome;
      }
    }
    if (request.kind === 'new' && !request.duplicatesCleared) {
      if (this.identicalCard(request) || this.pendingTwin(request)) return 'exists';
      if (this.sameGtinCards(request).length > 0) return 'similar';
    }
    return 'approve';
  }

  /** Decides a waiting request with `outcome` (default: `outcomeFor`). */
  decide(request: StoredRequest, outcome: ModerationOutcome = this.outcomeFor(request)): void {
    const name = (valueOf(request.body.attributes, 'name_ru') ?? '').toLowerCase();
    const marker = Object.entries(markers).find(([text, result]) => result === outcome && name.includes(text))?.[0];
    if (marker) request.firedMarkers = [...new Set([...(request.firedMarkers ?? []), marker])];
    request.updatedMs = this.now();
    switch (outcome) {
      case 'approve':
        if (request.body.autoPublication) this.publish(request);
        else {
          request.status = 'readyToPublish';
          request.extras = {};
        }
        break;
      case 'revision':
        request.status = 'underRevision';
        request.extras = {
          comment: 'Заявка возвращена на доработку модератором. Исправьте замечания и отправьте повторно.',
          revisionDetails: [
            { attributeCode: 'name_kk', value: valueOf(request.body.attributes, 'name_kk') ?? '', comment: 'Уточните наименование на казахском языке' },
            { attributeCode: 'short_name_ru', value: valueOf(request.body.attributes, 'short_name_ru') ?? '', comment: 'Краткое наименование должно содержать бренд' },
          ],
        };
        break;
      case 'reject':
        request.status = 'rejected';
        request.extras = {
          comment: 'Заявка отклонена модератором: не подтверждена страна происхождения товара.',
          rejectionReason: {
            reason: 'Не подтверждена страна происхождения',
            reasonItem: { code: 'MISSING_COUNTRY', nameRu: 'Не указана страна происхождения', nameKk: 'Шығарылған елі көрсетілмеген' },
          },
        };
        break;
      case 'photo':
        request.status = 'underRevision';
        request.extras = {
          reason: 'Изображения не прошли проверку ИИ',
          photoModeration: { score: 42, comment: 'Фон изображения не однотонный; товар занимает менее половины кадра.' },
        };
        break;
      case 'similar': {
        const candidates = this.similarCandidates(request);
        if (candidates.length === 0) return this.decide(request, 'approve');
        request.status = 'underRevision';
        request.duplicates = candidates;
        request.awaitingDuplicateDecision = true;
        request.extras = {
          reason: 'Найдены потенциальные дубликаты товара',
          nextAction: {
            description: 'Просмотрите потенциальные дубликаты и примите решение: CONTINUE или USE_EXISTING',
            method: 'GET',
            endpoint: `/gwp/portal/api/v1/products/requests/${request.id}/duplicates`,
          },
        };
        break;
      }
      case 'exists': {
        const identical = this.identicalCard(request);
        const twin = identical ? undefined : this.pendingTwin(request);
        if (twin) {
          this.rejectAsTwinOf(request, twin);
          break;
        }
        const existing = identical ?? this.someCard(request.id, 0);
        if (!existing) return this.decide(request, 'approve');
        this.rejectAsExisting(request, existing);
        break;
      }
    }
    this.store.touch(request);
  }

  /** CONTINUE: moderation of the new card goes on; the duplicate check will not stop it again. */
  continueAfterDuplicates(request: StoredRequest): void {
    request.duplicatesCleared = true;
    this.submitted(request);
  }

  /** USE_EXISTING: no new card; the request points at the chosen one. */
  useExisting(request: StoredRequest, card: CardRecord): void {
    request.status = 'existingProductSelected';
    request.awaitingDuplicateDecision = false;
    request.updatedMs = this.now();
    request.extras = { ntinCode: card.ntin, productUrl: productUrl(card.id) };
    this.store.touch(request);
  }

  /**
   * Publication: a new card gets an NTIN (`0200` + serial + GS1 check digit); an edit updates its card.
   * A new card identical to a current one is refused here too: the request is rejected as existing and
   * `undefined` returned.
   */
  publish(request: StoredRequest): CardRecord | undefined {
    const now = this.now();
    const identical = request.kind === 'new' ? this.identicalCard(request) : undefined;
    if (identical) {
      request.updatedMs = now;
      this.rejectAsExisting(request, identical);
      this.store.touch(request);
      return undefined;
    }
    const previous = request.kind === 'edit' && request.editNtin ? this.store.cardByNtin(request.editNtin) : undefined;
    const id = previous?.id ?? this.store.mintProductId();
    const ntin = previous?.ntin ?? ntinFromSerial(this.store.mintNtinSerial());
    const card = cardFromRequest(request, { id, ntin, now, previous });
    this.store.saveCard(card);
    request.status = 'completed';
    request.productId = id;
    request.updatedMs = now;
    request.extras = { ntinCode: ntin, productUrl: productUrl(id) };
    if (request.body.isGov) request.gz = { code: 'publishingGz' };
    this.store.touch(request);
    return card;
  }

  private rejectAsExisting(request: StoredRequest, existing: CardRecord): void {
    request.status = 'rejected';
    request.duplicates = [this.match(existing, 1, 100)];
    request.extras = {
      comment: 'Такой товар уже существует в Национальном каталоге товаров. Используйте существующую карточку.',
      ntinCode: existing.ntin,
      productUrl: productUrl(existing.id),
      rejectionReason: {
        reason: 'Товар уже существует в каталоге',
        reasonItem: { code: 'DUPLICATE_PRODUCT', nameRu: 'Товар уже существует в каталоге', nameKk: 'Тауар каталогта бар' },
      },
    };
  }

  /** The twin has no card yet, so there is no NTIN to point at: the comment names its request. */
  private rejectAsTwinOf(request: StoredRequest, twin: StoredRequest): void {
    request.status = 'rejected';
    request.extras = {
      comment: `Такой товар уже ожидает публикации по заявке ${twin.id}. Дождитесь её публикации и используйте её карточку.`,
      rejectionReason: {
        reason: 'Товар уже ожидает публикации',
        reasonItem: { code: 'DUPLICATE_PRODUCT', nameRu: 'Товар уже существует в каталоге', nameKk: 'Тауар каталогта бар' },
      },
    };
  }

  // ----------------------------------------------------------------------------------- duplicate search

  /** Another new request with the same `name_ru` that was approved and waits to be published. */
  private pendingTwin(request: StoredRequest): StoredRequest | undefined {
    const name = stripMarkers(normalise(valueOf(request.body.attributes, 'name_ru')));
    if (!name) return undefined;
    return this.store
      .allRequests()
      .find((other) => other.id !== request.id && other.kind === 'new' && other.status === 'readyToPublish' && stripMarkers(normalise(valueOf(other.body.attributes, 'name_ru'))) === name);
  }

  private identicalCard(request: StoredRequest): CardRecord | undefined {
    const name = normalise(valueOf(request.body.attributes, 'name_ru'));
    if (!name) return undefined;
    const stripped = stripMarkers(name);
    const byGtin = this.sameGtinCards(request).find((card) => stripMarkers(normalise(card.nameRu)) === stripped);
    if (byGtin) return byGtin;
    return this.store.storedCards().find((card) => !card.deactivated && stripMarkers(normalise(card.nameRu)) === stripped && card.ntin !== request.editNtin);
  }

  private sameGtinCards(request: StoredRequest): CardRecord[] {
    const gtin = valueOf(request.body.attributes, 'gtin');
    return gtin ? this.store.cardsByGtin(gtin).filter((card) => !card.deactivated) : [];
  }

  private someCard(requestId: number, k: number): CardRecord | undefined {
    const count = this.store.seed.cards.count;
    if (count > 0) return this.store.seed.cards.card(hash32(requestId, k) % count);
    const stored = this.store.storedCards();
    return stored.length ? stored[hash32(requestId, k) % stored.length] : undefined;
  }

  private similarCandidates(request: StoredRequest): DuplicateMatch[] {
    const found = new Map<string, CardRecord>();
    for (const card of this.sameGtinCards(request)) found.set(card.ntin, card);
    for (let k = 0; found.size < 3 && k < 6; k += 1) {
      const card = this.someCard(request.id, k + 1);
      if (card && !card.deactivated) found.set(card.ntin, card);
    }
    const similarities = [97.2, 91.5, 86.8, 80.1, 75.4];
    return [...found.values()].slice(0, 5).map((card, index) => this.match(card, index + 1, similarities[index] ?? 70));
  }

  private match(card: CardRecord, orderNumber: number, similarity: number): DuplicateMatch {
    return {
      orderNumber,
      name: card.nameRu,
      brand: card.brand,
      gtin: card.gtin,
      ntin: card.ntin,
      categoryAncestors: this.store.seed.leaf(card.oktru)?.ancestors ?? [],
      similarity,
    };
  }
}

function normalise(text: string | undefined): string {
  return (text ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
}

function stripMarkers(text: string): string {
  return Object.keys(markers).reduce((out, marker) => out.split(marker).join(''), text).trim().replace(/\s+/g, ' ');
}

/** The card a request publishes (or the new version of the card it edits). */
export function cardFromRequest(
  request: StoredRequest,
  ids: { id: number; ntin: string; now: number; previous?: CardRecord | undefined },
): CardRecord {
  const { body } = request;
  const { previous, now } = ids;
  const attributes = body.attributes.filter((attribute) => attribute.code !== 'ntin');
  const get = (code: string) => valueOf(attributes, code);
  const measure = attributes.find((attribute) => attribute.code === 'measure');
  const nameRu = previous?.nameRu ?? get('name_ru') ?? '';
  const nameKk = previous?.nameKk ?? get('name_kk') ?? nameRu;
  const tnved = previous?.tnved ?? get('tnved') ?? '';
  // Edits send the full list; immutable values are the card's own.
  const merged = previous
    ? [
        ...attributes.filter((attribute) => !['name_ru', 'name_kk', 'tnved'].includes(attribute.code ?? '')),
        { code: 'name_ru', value: nameRu },
        { code: 'name_kk', value: nameKk },
        { code: 'tnved', value: tnved },
      ]
    : attributes;
  return {
    id: ids.id,
    ntin: ids.ntin,
    ...(get('gtin') ? { gtin: get('gtin') } : {}),
    ...(previous?.kztin ? { kztin: previous.kztin } : {}),
    nameRu,
    nameKk,
    shortNameRu: get('short_name_ru') ?? nameRu,
    shortNameKk: get('short_name_kk') ?? nameKk,
    oktru: body.oktru,
    requestType: body.isGov || previous?.requestType === 'gov' ? 'gov' : 'base',
    brand: get('brand') ?? previous?.brand ?? '',
    country: get('country') ?? previous?.country ?? '',
    tnved,
    unit: valueOf(measure?.attributes, 'measure_unit') ?? previous?.unit ?? '796',
    quantity: valueOf(measure?.attributes, 'quantity') ?? previous?.quantity ?? '1',
    producerName: get('a4282e5d') ?? previous?.producerName ?? '',
    producerBin: get('producer_identifier') ?? previous?.producerBin ?? '',
    article: get('article') ?? '',
    imageFiles: (body.imageFiles ?? []).map((file) => ({ fileName: file.fileName, imageType: file.imageType })),
    createdMs: previous?.createdMs ?? now,
    updatedMs: now,
    modified: now / 1000,
    deactivated: false,
    social: Boolean(get('szpt_category')),
    marked: get('marking_required_status') === 'true',
    protectedByOwner: false,
    body: {
      attributes: merged,
      ...(body.mainExtendedAttributes ? { mainExtendedAttributes: body.mainExtendedAttributes } : {}),
      ...(body.additionalExtendedAttributes ? { additionalExtendedAttributes: body.additionalExtendedAttributes } : {}),
      ...(body.customExtendedAttributes ? { customExtendedAttributes: body.customExtendedAttributes } : {}),
      ...(body.documents ? { documents: body.documents } : {}),
    },
  };
}
