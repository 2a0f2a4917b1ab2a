import { z } from 'zod';
import type { CodeKind } from './validate.ts';
import { validateCode } from './validate.ts';

/**
 * A zod schema that accepts a code of the given kind and outputs its normalised form. A rejected value
 * yields one custom issue whose message is the localisation key (e.g. `codes.gtin.badCheckDigit`) and
 * whose params are the key's placeholders, so the UI can translate it.
 */
export function codeSchema(kind: CodeKind) {
  return z.string().transform((value, context) => {
    const check = validateCode(kind, value);
    if (check.valid) return check.normalized;
    context.addIssue({ code: 'custom', message: check.reason.key, params: { ...check.reason.params } });
    return z.NEVER;
  });
}
