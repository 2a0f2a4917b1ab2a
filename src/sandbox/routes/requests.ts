/**
 * Product requests (catalogue-api.md §4.3–§4.14) with the status machine of §6.2:
 *
 * | operation        | allowed from                                  | result                       |
 * |------------------|-----------------------------------------------|------------------------------|
 * | update (PUT)     | new, underRevision, underRevisionGz, cancelled | same status (cancelled → new) |
 * | delete           | new                                           | gone                          |
 * | moderation       | new, underRevision, underRevisionGz            | onModeration → moderator      |
 * | cancel           | onModeration                                  | cancelled                     |
 * | publish          | readyToPublish                                | completed (+ gzStatus if gov) |
 * | duplicate-decision | underRevision awaiting a decision           | onModeration / existingProductSelected |
 *
 * Anything else answers 422 UNEXPECTED_ERROR and changes nothing.
 */
import { duplicateDecisionSchema, listableStatusCodes, type ProductRequestBody, type RequestStatusCode } from '../../shared/catalogue/dto.ts';
import { pageParams, paged, requireRequest, type SandboxCore } from '../core.ts';
import { empty, fail, json, parseJson, readBody } from '../http.ts';
import { route, type RequestContext, type Route } from '../router.ts';
import type { CardRecord } from '../seed/index.ts';
import type { StoredRequest } from '../store.ts';
import { basicCheck, describeProblems, fullCheck, parseBody, xtinCheck } from '../validation.ts';
import { editableAttributes, requestDetails, requestShort, statusView } from '../views.ts';

const base = '/gwp/portal/api/v1/products/requests';
const jsonLimit = 1024 * 1024;

const editable: readonly RequestStatusCode[] = ['new', 'underRevision', 'underRevisionGz', 'cancelled'];
const submittable: readonly RequestStatusCode[] = ['new', 'underRevision', 'underRevisionGz'];

function requireStatus(request: StoredRequest, allowed: readonly RequestStatusCode[], action: string): void {
  if (!allowed.includes(request.status)) {
    throw fail.wrongStatus(`${action} невозможно в статусе ${request.status} (допустимо: ${allowed.join(', ')})`);
  }
}

/** The card an edit request (body with `ntin`) changes, if it may be edited. */
function editableCard(core: SandboxCore, ntin: string): CardRecord {
  const card = core.store.cardByNtin(ntin);
  if (!card) throw fail.validation(`'ntin' — карточка ${ntin} не найдена`);
  if (card.requestType === 'gov' || card.kztin) throw fail.business(`карточка ${ntin} расширенная (с КЗТИН): изменения только через ЦЭФ`);
  if (card.deactivated) throw fail.business(`карточка ${ntin} деактивирована`);
  if (card.protectedByOwner) throw fail.business(`карточка ${ntin} защищена от изменений производителем`);
  return card;
}

/** Reads and checks a create/update body; `editNtin` is the card an existing edit request changes. */
async function readRequestBody(ctx: RequestContext, editNtin?: string): Promise<{ body: ProductRequestBody; card?: CardRecord }> {
  const { body, problems } = parseBody(parseJson(await readBody(ctx.req, jsonLimit)));
  if (!body) throw fail.validation(describeProblems(problems));
  const ntin = editNtin ?? body.ntin;
  const card = ntin ? editableCard(ctx.core, ntin) : undefined;
  const basic = basicCheck(body, ctx.core.seed, card);
  if (basic.length) throw fail.validation(describeProblems(basic));
  return card ? { body, card } : { body };
}

function editCardOf(core: SandboxCore, request: StoredRequest): CardRecord | undefined {
  return request.kind === 'edit' && request.editNtin ? core.store.cardByNtin(request.editNtin) : undefined;
}

export const requestRoutes: Route[] = [
  route('GET', `${base}/attributes`, 'attributes', ({ core }) => json(200, core.seed.baseAttributes)),

  route('GET', `${base}/categories/{oktru}/gov-attributes`, 'getGovCategoryAttributes', ({ core, params }) => {
    const schema = core.seed.govAttributes(params['oktru'] ?? '');
    if (!schema) throw fail.validation(`'oktru' — ${params['oktru']} не является действующей конечной категорией ОКТРУ`);
    return json(200, schema);
  }),

  route('GET', base, 'fetch', ({ core, query, language }) => {
    const { page, size } = pageParams(query);
    const status = query.get('status');
    if (status !== null && !(listableStatusCodes as readonly string[]).includes(status)) throw fail.validation(`'status' — неизвестный статус ${status}`);
    const all = core.store.allRequests();
    for (const request of all) core.engine.tick(request);
    const selected = all.filter((request) => status === null || request.status === status).sort((a, b) => b.id - a.id);
    const result = paged(selected, page, size);
    return json(200, { ...result, content: result.content.map((request) => requestShort(request, core.seed, language, editCardOf(core, request))) });
  }),

  route('POST', base, 'createProductRequest', async (ctx) => {
    const { core } = ctx;
    const { body, card } = await readRequestBody(ctx);
    const now = core.now();
    const request: StoredRequest = {
      id: core.store.nextRequestId(),
      body,
      status: 'new',
      kind: card ? 'edit' : 'new',
      ...(card ? { editNtin: card.ntin } : {}),
      createdMs: now,
      updatedMs: now,
      extras: {},
    };
    core.store.addRequest(request);
    return json(200, { id: request.id });
  }),

  route('PUT', `${base}/{id:int}`, 'updateProductRequest', async (ctx) => {
    const { core } = ctx;
    const request = requireRequest(core, ctx.params['id']);
    requireStatus(request, editable, 'Изменение заявки');
    const { body } = await readRequestBody(ctx, request.kind === 'edit' ? request.editNtin : undefined);
    if (request.kind === 'edit' && body.ntin !== undefined && body.ntin !== request.editNtin) throw fail.validation("'ntin' — нельзя сменить карточку заявки на изменение");
    request.body = request.kind === 'edit' ? { ...body, ntin: request.editNtin } : body;
    if (request.status === 'cancelled') request.status = 'new';
    request.updatedMs = core.now();
    core.store.touch(request);
    return empty();
  }),

  route('DELETE', `${base}/{id:int}`, 'deleteProductRequest', ({ core, params }) => {
    const request = requireRequest(core, params['id']);
    requireStatus(request, ['new'], 'Удаление заявки');
    core.store.deleteRequest(request.id);
    return empty();
  }),

  route('PUT', `${base}/{id:int}/moderation`, 'onModerationRequest', ({ core, params }) => {
    const request = requireRequest(core, params['id']);
    requireStatus(request, submittable, 'Отправка на модерацию');
    const xtin = xtinCheck(request.body);
    if (xtin) throw fail.business(describeProblems([xtin]));
    const problems = fullCheck(request.body, core.seed, {
      editCard: editCardOf(core, request),
      uploaded: (fileName, kind) => core.store.upload(fileName)?.kind === kind,
    });
    if (problems.length) throw fail.validation(`заявка не может быть отправлена на модерацию: ${describeProblems(problems)}`);
    core.engine.submitted(request);
    return empty();
  }),

  route('PUT', `${base}/{id:int}/cancel`, 'cancelRequest', ({ core, params }) => {
    const request = requireRequest(core, params['id']);
    requireStatus(request, ['onModeration'], 'Отзыв заявки');
    request.status = 'cancelled';
    request.extras = {};
    request.updatedMs = core.now();
    core.store.touch(request);
    return empty();
  }),

  route('PUT', `${base}/{id:int}/publish`, 'publish', ({ core, params }) => {
    const request = requireRequest(core, params['id']);
    requireStatus(request, ['readyToPublish'], 'Публикация');
    if (!core.engine.publish(request)) throw fail.business(`такой товар уже опубликован (${request.extras.ntinCode ?? ''}); заявка отклонена`);
    return empty();
  }),

  route('GET', `${base}/{id:int}/status`, 'getStatus', ({ core, params, language }) => json(200, statusView(requireRequest(core, params['id']), language))),

  route('GET', `${base}/{id:int}/details`, 'getDetails', ({ core, params, language }) =>
    json(200, requestDetails(requireRequest(core, params['id']), core.seed, language)),
  ),

  route('GET', `${base}/{id:int}/duplicates`, 'getDuplicates', ({ core, params }) => {
    const request = requireRequest(core, params['id']);
    if (!request.duplicates) throw fail.notFound('проверка на дубликаты для заявки не проводилась');
    return json(200, request.duplicates);
  }),

  route('POST', `${base}/{id:int}/duplicate-decision`, 'makeDuplicateDecision', async (ctx) => {
    const { core } = ctx;
    const request = requireRequest(core, ctx.params['id']);
    const parsed = duplicateDecisionSchema.safeParse(parseJson(await readBody(ctx.req, jsonLimit)));
    if (!parsed.success) {
      const raw = parsed.error.issues.some((issue) => issue.path.includes('ntin'));
      throw fail.validation(raw ? "'ntin' — для USE_EXISTING обязателен ntin одного из дубликатов" : "'decision' — ожидается CONTINUE или USE_EXISTING");
    }
    if (request.status !== 'underRevision' || !request.awaitingDuplicateDecision) {
      throw fail.wrongStatus('заявка не ожидает решения по дубликатам');
    }
    const decision = parsed.data;
    if (decision.decision === 'CONTINUE') core.engine.continueAfterDuplicates(request);
    else {
      const listed = request.duplicates?.some((match) => match.ntin === decision.ntin);
      const card = listed ? core.store.cardByNtin(decision.ntin) : undefined;
      if (!card) throw fail.validation(`'ntin' — ${decision.ntin} нет среди найденных дубликатов`);
      core.engine.useExisting(request, card);
    }
    return empty();
  }),

  route('POST', `${base}/{ntin}/edit-product`, 'createRequestForProductEdit', ({ core, params }) => {
    const ntin = params['ntin'] ?? '';
    const card = core.store.cardByNtin(ntin);
    if (!card) throw fail.notFound(`карточка ${ntin} не найдена`);
    if (card.requestType === 'gov' || card.kztin) throw fail.business(`карточка ${ntin} расширенная (с КЗТИН): изменения только через ЦЭФ`);
    if (card.deactivated) throw fail.business(`карточка ${ntin} деактивирована`);
    if (card.protectedByOwner) throw fail.business(`карточка ${ntin} защищена от изменений производителем`);
    const leaf = core.seed.leaf(card.oktru);
    const oktru = leaf && !leaf.isDeleted ? card.oktru : null;
    const attributes = editableAttributes(card, core.seed);
    const imageFiles = card.imageFiles.map((file) => ({ fileName: file.fileName, imageType: file.imageType }));
    const documents = card.body?.documents ?? [];
    const now = core.now();
    const request: StoredRequest = {
      id: core.store.nextRequestId(),
      body: { oktru: oktru ?? '', autoPublication: false, ntin, attributes, imageFiles, documents },
      status: 'new',
      kind: 'edit',
      editNtin: ntin,
      createdMs: now,
      updatedMs: now,
      extras: {},
    };
    core.store.addRequest(request);
    return json(200, {
      productRequestId: request.id,
      oktru,
      isGov: false,
      autoPublication: false,
      attributes,
      mainExtendedAttributes: [],
      additionalExtendedAttributes: [],
      customExtendedAttributes: [],
      imageFiles,
      documents,
    });
  }),
];
