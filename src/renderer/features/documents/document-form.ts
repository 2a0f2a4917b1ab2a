/**
 * The register form's rules, kept apart from the component so they can be tested: what the officer typed →
 * either a `ConformityDocument` to store (numbers and regulations in canonical spelling) or the fields to fix.
 */
import type { ConformityDocument, ConformityDocumentType } from '../../../shared/application/draft.ts';
import { validateConformityNumber, type ConformityCheck } from '../../../shared/codes/conformity.ts';
import { daysBetween } from '../../../shared/application/expiry.ts';
import { parseTechnicalRegulations } from './regulation.ts';

export interface DocumentFormValues {
  number: string;
  type: ConformityDocumentType;
  technicalRegulation: string;
  issuer: string;
  issuedOn: string;
  expiresOn: string;
}

export type DocumentFormField = 'number' | 'technicalRegulation' | 'issuedOn' | 'expiresOn';

/** A message to show at a field: a key of the `documents` or `codes` namespace with its parameters. */
export interface FieldMessage {
  key: string;
  params?: Record<string, string | number>;
}

export type DocumentFormCheck = { ok: true; document: Omit<ConformityDocument, 'id' | 'blobId' | 'fileName'> } | { ok: false; errors: Partial<Record<DocumentFormField, FieldMessage>> };

/** Certificates and declarations have EAEU numbers; an СГР or another document may not. */
export function needsEaeuNumber(type: ConformityDocumentType): boolean {
  return type === 'certificate' || type === 'declaration';
}

export function checkNumber(values: Pick<DocumentFormValues, 'number' | 'type'>): ConformityCheck | null {
  return values.number.trim() === '' ? null : validateConformityNumber(values.number);
}

export function checkDocumentForm(values: DocumentFormValues, today: string): DocumentFormCheck {
  const errors: Partial<Record<DocumentFormField, FieldMessage>> = {};
  const number = checkNumber(values);
  if (!number) errors.number = { key: 'documents.errors.numberRequired' };
  else if (!number.valid && needsEaeuNumber(values.type)) errors.number = { key: number.reason.key, ...(number.reason.params ? { params: { ...number.reason.params } } : {}) };

  const regulations = parseTechnicalRegulations(values.technicalRegulation);
  if (!regulations.ok) errors.technicalRegulation = { key: 'documents.errors.regulation', params: { value: regulations.invalid } };

  if (values.issuedOn && (daysBetween(today, values.issuedOn) ?? 0) > 0) errors.issuedOn = { key: 'documents.errors.issuedInFuture' };
  if (values.issuedOn && values.expiresOn && (daysBetween(values.issuedOn, values.expiresOn) ?? 0) < 0) errors.expiresOn = { key: 'documents.errors.datesReversed' };

  if (Object.keys(errors).length > 0 || !number) return { ok: false, errors };
  const trimmed = (text: string) => (text.trim() === '' ? undefined : text.trim());
  return {
    ok: true,
    document: {
      number: number.valid ? number.normalized : values.number.trim().replace(/\s+/gu, ' '),
      type: values.type,
      technicalRegulation: regulations.ok ? trimmed(regulations.normalized) : undefined,
      issuer: trimmed(values.issuer),
      issuedOn: trimmed(values.issuedOn),
      expiresOn: trimmed(values.expiresOn),
    },
  };
}
