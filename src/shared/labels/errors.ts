import type { CodeProblemKey } from '../codes/index.ts';
import type { LabelsMessageKey } from './messages.ts';

/** A localisation key this module can report: its own (`labels.…`) or a code validator's (`codes.…`). */
export type LabelProblemKey = LabelsMessageKey | CodeProblemKey;
export type LabelParams = Readonly<Record<string, string | number>>;

/** Why something cannot be laid out or printed: a localisation key plus the numbers for its placeholders. */
export interface LabelProblem {
  readonly key: LabelProblemKey;
  readonly params?: LabelParams;
}

/**
 * Thrown for a template, option or field configuration that cannot give a GS1-compliant label, so that
 * nothing is printed badly. `key`/`params` translate with the `labels` namespace; `message` is English.
 */
export class LabelError extends Error {
  readonly key: LabelProblemKey;
  readonly params: LabelParams;

  constructor(key: LabelProblemKey, params: LabelParams = {}) {
    super(`${key} ${JSON.stringify(params)}`);
    this.name = 'LabelError';
    this.key = key;
    this.params = params;
  }

  get problem(): LabelProblem {
    return { key: this.key, params: this.params };
  }
}

export function isLabelError(error: unknown): error is LabelError {
  return error instanceof LabelError;
}

/** Rounds a millimetre figure for a message (two decimals are enough for a person). */
export function mm(value: number): number {
  return Math.round(value * 100) / 100;
}
