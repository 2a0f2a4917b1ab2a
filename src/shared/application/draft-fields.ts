/**
 * A draft seen as separate fields, so that two editors of one application (two tabs, two windows) change
 * different fields without overwriting each other, and a change to the same field is a conflict to show,
 * never a silent loss.
 *
 * Field keys: `values.<group>.<code>` for each attribute, `photos.<angle>` for each photo, and the other
 * top-level keys as they are (`oktru`, `isGov`, `custom`, `documents`, …). Values are plain JSON.
 */
import { valueGroups, type ApplicationDraft } from './draft.ts';

export type DraftFieldKey = string;

export interface FieldChange {
  field: DraftFieldKey;
  /** The value this editor last knew; `undefined` for an absent field. */
  before: unknown;
  after: unknown;
}

export interface FieldConflict {
  field: DraftFieldKey;
  /** What this editor wanted. */
  mine: unknown;
  /** What another editor stored meanwhile. */
  theirs: unknown;
}

/** Draft keys split one level further down (`photos.front`) or two (`values.base.name_ru`). */
const splitKeys = new Set(['photos']);
const immutableKeys = new Set(['id', 'version']);

export function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

export function draftFields(draft: ApplicationDraft): Map<DraftFieldKey, unknown> {
  const fields = new Map<DraftFieldKey, unknown>();
  for (const [key, value] of Object.entries(draft)) {
    if (immutableKeys.has(key) || value === undefined) continue;
    if (key === 'values') {
      for (const group of valueGroups) for (const [code, attribute] of Object.entries(draft.values[group])) fields.set(`values.${group}.${code}`, attribute);
    } else if (splitKeys.has(key)) {
      for (const [part, partValue] of Object.entries(value as Record<string, unknown>)) if (partValue !== undefined) fields.set(`${key}.${part}`, partValue);
    } else {
      fields.set(key, value);
    }
  }
  return fields;
}

export function fieldValue(draft: ApplicationDraft, field: DraftFieldKey): unknown {
  return draftFields(draft).get(field);
}

/** A new draft with `field` set to `value` (`undefined` removes it). */
export function withFieldValue(draft: ApplicationDraft, field: DraftFieldKey, value: unknown): ApplicationDraft {
  const [head = '', second, ...rest] = field.split('.');
  if (head === 'values' && second && rest.length > 0) {
    const group = valueGroups.find((candidate) => candidate === second);
    if (!group) return draft;
    const code = rest.join('.');
    const { [code]: _old, ...others } = draft.values[group];
    return { ...draft, values: { ...draft.values, [group]: value === undefined ? others : { ...others, [code]: value } } };
  }
  if (splitKeys.has(head) && second) {
    const current = (draft as unknown as Record<string, Record<string, unknown>>)[head] ?? {};
    const { [second]: _old, ...others } = current;
    return { ...draft, [head]: value === undefined ? others : { ...others, [second]: value } };
  }
  if (immutableKeys.has(head)) return draft;
  const { [head]: _old, ...others } = draft as unknown as Record<string, unknown>;
  return (value === undefined ? others : { ...others, [head]: value }) as unknown as ApplicationDraft;
}

/** The fields that differ between two versions of a draft. */
export function changedFields(before: ApplicationDraft, after: ApplicationDraft): FieldChange[] {
  const old = draftFields(before);
  const current = draftFields(after);
  const changes: FieldChange[] = [];
  for (const field of new Set([...old.keys(), ...current.keys()])) {
    if (!sameValue(old.get(field), current.get(field))) changes.push({ field, before: old.get(field), after: current.get(field) });
  }
  return changes;
}

/**
 * Applies this editor's changes to the stored draft. A field is changed only where the stored value is still the
 * one the editor knew (or already what it wants); otherwise another editor changed it meanwhile, and that is a
 * conflict: the stored value stays, and the conflict carries both.
 */
export function applyFieldChanges(stored: ApplicationDraft, changes: readonly FieldChange[]): { draft: ApplicationDraft; applied: number; conflicts: FieldConflict[] } {
  let draft = stored;
  let applied = 0;
  const conflicts: FieldConflict[] = [];
  for (const change of changes) {
    const current = fieldValue(draft, change.field);
    if (sameValue(current, change.after)) continue;
    if (sameValue(current, change.before)) {
      draft = withFieldValue(draft, change.field, change.after);
      applied += 1;
    } else {
      conflicts.push({ field: change.field, mine: change.after, theirs: current });
    }
  }
  return { draft, applied, conflicts };
}

/**
 * Three-way merge for an open editor when another editor stored a new version: `base` is what this editor last
 * knew to be stored, `local` what it shows now, `remote` what is stored now. Fields only one side changed take that
 * side; a field both changed differently keeps the local value on screen and is reported as a conflict.
 */
export function mergeDrafts(base: ApplicationDraft, local: ApplicationDraft, remote: ApplicationDraft): { draft: ApplicationDraft; conflicts: FieldConflict[] } {
  const baseFields = draftFields(base);
  const localFields = draftFields(local);
  const remoteFields = draftFields(remote);
  let draft = local;
  const conflicts: FieldConflict[] = [];
  for (const field of new Set([...baseFields.keys(), ...localFields.keys(), ...remoteFields.keys()])) {
    const was = baseFields.get(field);
    const mine = localFields.get(field);
    const theirs = remoteFields.get(field);
    if (sameValue(mine, theirs) || sameValue(theirs, was)) continue;
    if (sameValue(mine, was)) draft = withFieldValue(draft, field, theirs);
    else conflicts.push({ field, mine, theirs });
  }
  return { draft, conflicts };
}
