/**
 * The sandbox's own admin routes, behind the per-run secret in header `X-Sandbox-Secret` (server.ts checks it
 * before any of these run):
 *
 * | method | path                                   | body / effect                                                         |
 * |--------|----------------------------------------|-----------------------------------------------------------------------|
 * | GET    | /__sandbox                             | description: mode, counts, markers, routes                            |
 * | PUT    | /__sandbox/moderation                  | `{ "mode": "instant" \| "manual" \| { "delayMs": 500 } }`               |
 * | POST   | /__sandbox/moderation/run              | decides every waiting request as the moderator would                  |
 * | POST   | /__sandbox/requests/{id}/moderate      | `{ "outcome"?: "accept" \| "auto" \| "approve" \| "revision" \| "reject" \| "similar" \| "exists" \| "photo" }` |
 * | POST   | /__sandbox/requests/{id}/gz            | `{ "code": "acceptedGz" \| "underRevisionGz" \| "rejectedGz" \| "publishingGz", "comment"? }` |
 * | GET    | /__sandbox/faults                      | the active fault rules and how often each fired                       |
 * | PUT    | /__sandbox/faults                      | `{ "faults": FaultRule[] }` replaces the rules (see faults.ts)         |
 * | DELETE | /__sandbox/faults                      | removes every rule                                                    |
 * | POST   | /__sandbox/reset                       | forgets every request, upload (and its bytes) and published card (ids keep counting) |
 */
import { z } from 'zod';
import { gzStatusCodes } from '../../shared/catalogue/dto.ts';
import { requireRequest } from '../core.ts';
import { faultListSchema } from '../faults.ts';
import { empty, fail, json, parseJson, readBody } from '../http.ts';
import { markers, moderationOutcomes, type ModerationMode } from '../moderation.ts';
import { route, type RequestContext, type Route } from '../router.ts';
import { emptyState } from '../store.ts';

export const moderationModeSchema = z.union([
  z.enum(['instant', 'manual']),
  z.object({ delayMs: z.number().int().min(0).max(86_400_000) }),
]);

/** `instant`, `manual` or `delay:<ms>` (the CLI's spelling). */
export function parseModerationMode(text: string): ModerationMode | undefined {
  if (text === 'instant' || text === 'manual') return text;
  const match = /^delay:(\d+)$/.exec(text);
  return match ? { delayMs: Number(match[1]) } : undefined;
}

async function readJson<T extends z.ZodType>(ctx: RequestContext, schema: T): Promise<z.output<T>> {
  const bytes = await readBody(ctx.req, 256 * 1024);
  const raw = bytes.length ? parseJson(bytes) : {};
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw fail.validation(parsed.error.issues.map((issue) => `'${issue.path.join('.') || 'body'}' — ${issue.message}`).join('; '));
  return parsed.data;
}

const waitingStatuses = new Set(['onModeration', 'accepted']);

export const adminRoutes: Route[] = [
  route('GET', '/__sandbox', 'admin.describe', ({ core }) =>
    json(200, {
      sandbox: 'NCG Desk sandbox catalogue (not the real National Catalogue of Goods)',
      moderation: core.engine.mode,
      cards: core.seed.cards.count,
      storedCards: core.store.storedCards().length,
      requests: core.store.allRequests().length,
      markers,
      outcomes: ['accept', 'auto', ...moderationOutcomes],
      faults: core.faults.list(),
    }),
  ),

  route('PUT', '/__sandbox/moderation', 'admin.moderation', async (ctx) => {
    const { mode } = await readJson(ctx, z.object({ mode: moderationModeSchema }));
    ctx.core.engine.mode = mode;
    return json(200, { mode });
  }),

  route('POST', '/__sandbox/moderation/run', 'admin.moderationRun', ({ core }) => {
    const decided: number[] = [];
    for (const request of core.store.allRequests()) {
      if (!waitingStatuses.has(request.status)) continue;
      core.engine.decide(request);
      decided.push(request.id);
    }
    return json(200, { decided });
  }),

  route('POST', '/__sandbox/requests/{id:int}/moderate', 'admin.moderate', async (ctx) => {
    const { core } = ctx;
    const request = requireRequest(core, ctx.params['id']);
    const { outcome } = await readJson(ctx, z.object({ outcome: z.enum(['accept', 'auto', ...moderationOutcomes] as [string, ...string[]]).optional() }));
    if (!waitingStatuses.has(request.status)) throw fail.wrongStatus(`заявка в статусе ${request.status} не ожидает модерации`);
    if (outcome === 'accept') core.engine.accept(request);
    else if (outcome === undefined || outcome === 'auto') core.engine.decide(request);
    else core.engine.decide(request, outcome as (typeof moderationOutcomes)[number]);
    return json(200, { id: request.id, status: request.status });
  }),

  route('POST', '/__sandbox/requests/{id:int}/gz', 'admin.gz', async (ctx) => {
    const request = requireRequest(ctx.core, ctx.params['id']);
    const { code, comment } = await readJson(ctx, z.object({ code: z.enum(gzStatusCodes), comment: z.string().max(2000).optional() }));
    if (!request.body.isGov) throw fail.wrongStatus('заявка не расширенная (isGov)');
    request.gz = comment ? { code, comment } : { code };
    ctx.core.store.touch(request);
    return json(200, { id: request.id, gzStatus: request.gz });
  }),

  route('GET', '/__sandbox/faults', 'admin.faults', ({ core }) => json(200, { faults: core.faults.list() })),
  route('PUT', '/__sandbox/faults', 'admin.setFaults', async (ctx) => {
    const { faults } = await readJson(ctx, z.object({ faults: faultListSchema }));
    ctx.core.faults.set(faults);
    return json(200, { faults: ctx.core.faults.list() });
  }),
  route('DELETE', '/__sandbox/faults', 'admin.clearFaults', ({ core }) => {
    core.faults.set([]);
    return empty();
  }),

  route('POST', '/__sandbox/reset', 'admin.reset', async ({ core }) => {
    core.store.replace(emptyState());
    await core.media.clear();
    return empty();
  }),
];
