/**
 * Fault injection per route, to exercise clients' retry and reconcile logic:
 *
 * | kind   | effect                                                                                   |
 * |--------|------------------------------------------------------------------------------------------|
 * | `429`  | answers 429, with `Retry-After: <retryAfterSeconds>` when given, without it otherwise       |
 * | `500`  | answers 500 `INTERNAL_ERROR`                                                               |
 * | `slow` | waits `delayMs` (default 2000) before handling — or, with `after`, before answering         |
 * | `drop` | destroys the connection without an answer — with `after`, once the handler has acted        |
 *
 * `route` is an operationId (`getStatus`, `createProductRequest`, `export.feed`, …) or a path prefix starting
 * with `/`; omitted, every API route matches. `rate` (default 1) is a probability drawn from the seeded PRNG;
 * `times` limits how often the rule fires. Set with `startSandbox({ faults })` or `PUT /__sandbox/faults`.
 */
import { z } from 'zod';
import { createRandom, type Random } from './seed/prng.ts';

export const faultRuleSchema = z.object({
  route: z.string().min(1).optional(),
  kind: z.enum(['429', '500', 'slow', 'drop']),
  rate: z.number().min(0).max(1).optional(),
  times: z.number().int().positive().optional(),
  retryAfterSeconds: z.number().min(0).optional(),
  delayMs: z.number().int().min(0).max(600_000).optional(),
  after: z.boolean().optional(),
});
export type FaultRule = z.infer<typeof faultRuleSchema>;
export const faultListSchema = z.array(faultRuleSchema);

export interface ActiveFault {
  rule: FaultRule;
  fired: number;
}

export class FaultInjector {
  private faults: ActiveFault[] = [];
  private readonly random: Random;

  constructor(seed: number, rules: readonly FaultRule[] = []) {
    this.random = createRandom(seed ^ 0x5eed);
    this.set(rules);
  }

  set(rules: readonly FaultRule[]): void {
    this.faults = rules.map((rule) => ({ rule, fired: 0 }));
  }

  list(): { rule: FaultRule; fired: number }[] {
    return this.faults.map((fault) => ({ rule: fault.rule, fired: fault.fired }));
  }

  /** The faults that fire for this request (at most one of each phase). */
  draw(operation: string, path: string): { before?: FaultRule; after?: FaultRule } {
    const out: { before?: FaultRule; after?: FaultRule } = {};
    for (const fault of this.faults) {
      const { rule } = fault;
      const phase = rule.after && (rule.kind === 'slow' || rule.kind === 'drop') ? 'after' : 'before';
      if (out[phase]) continue;
      if (rule.route && rule.route !== operation && !(rule.route.startsWith('/') && path.startsWith(rule.route))) continue;
      if (rule.times !== undefined && fault.fired >= rule.times) continue;
      if (this.random.next() >= (rule.rate ?? 1)) continue;
      fault.fired += 1;
      out[phase] = rule;
    }
    return out;
  }
}
