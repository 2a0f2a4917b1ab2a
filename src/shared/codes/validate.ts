import { validateBin, validateIin } from './bin.ts';
import type { CodeCheck } from './check.ts';
import { validateConformityNumber } from './conformity.ts';
import { validateGtin } from './gtin.ts';
import { validateNtin } from './ntin.ts';
import { validateOktru } from './oktru.ts';
import { validateTnved } from './tnved.ts';
import { validateXtin } from './xtin.ts';

/** Every kind of code the app validates (also the first argument of `ncg validate`). */
export const codeKinds = ['gtin', 'ntin', 'xtin', 'bin', 'iin', 'tnved', 'oktru', 'doc'] as const;
export type CodeKind = (typeof codeKinds)[number];

export function isCodeKind(value: unknown): value is CodeKind {
  return typeof value === 'string' && (codeKinds as readonly string[]).includes(value);
}

const validators: Readonly<Record<CodeKind, (value: string) => CodeCheck>> = {
  gtin: validateGtin,
  ntin: validateNtin,
  xtin: validateXtin,
  bin: validateBin,
  iin: validateIin,
  tnved: validateTnved,
  oktru: validateOktru,
  doc: validateConformityNumber,
};

/** Validates `value` as a code of the given kind; the kind-specific validators return more detail. */
export function validateCode(kind: CodeKind, value: string): CodeCheck {
  return validators[kind](value);
}
