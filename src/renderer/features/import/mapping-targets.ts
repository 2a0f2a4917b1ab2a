/**
 * Column targets as short strings (`a:name_ru`, `p:measure.quantity`, `oktru`, `ignore`), so that a mapping
 * fits an HTML <select> and the settings table, and the choices the mapping step offers.
 */
import { imageTypes } from '../../../shared/catalogue/dto.ts';
import { documentColumn, photoColumnOf, type ColumnMapping, type ColumnTarget } from '../../../shared/application/import/index.ts';
import type { SchemaIndex } from '../../../shared/application/schema.ts';
import type { TargetOption } from './import-protocol.ts';

export function targetKey(target: ColumnTarget): string {
  switch (target.kind) {
    case 'attribute':
      return `a:${target.code}`;
    case 'part':
      return `p:${target.code}.${target.part}`;
    case 'photo':
      return photoColumnOf(target.slot);
    case 'documents':
      return documentColumn;
    default:
      return target.kind;
  }
}

const cardKinds = ['oktru', 'isGov', 'autoPublication', 'editOfNtin', 'ignore'] as const;

/** The target a key stands for; an unreadable key is ignored rather than guessed. */
export function targetFromKey(key: string): ColumnTarget {
  if (key.startsWith('a:') && key.length > 2) return { kind: 'attribute', code: key.slice(2) };
  if (key.startsWith('p:')) {
    const dot = key.indexOf('.', 2);
    if (dot > 2 && dot < key.length - 1) return { kind: 'part', code: key.slice(2, dot), part: key.slice(dot + 1) };
  }
  const slot = imageTypes.find((candidate) => photoColumnOf(candidate) === key);
  if (slot) return { kind: 'photo', slot };
  if (key === documentColumn) return { kind: 'documents' };
  const card = cardKinds.find((kind) => kind === key);
  return card ? { kind: card } : { kind: 'ignore' };
}

/** The field a target's problems are reported under (rows.ts `columnField`), to name the file's column beside them. */
export function targetField(target: ColumnTarget): string | undefined {
  switch (target.kind) {
    case 'attribute':
      return target.code;
    case 'part':
      return `${target.code}.${target.part}`;
    case 'editOfNtin':
      return 'ntin';
    case 'photo':
      return photoColumnOf(target.slot);
    case 'documents':
      return documentColumn;
    case 'ignore':
      return undefined;
    default:
      return target.kind;
  }
}

/** Everything a column may hold: the card's columns, then each attribute (compounds as their parts), in schema order. */
export function targetOptions(index: SchemaIndex): TargetOption[] {
  const options: TargetOption[] = (['oktru', 'isGov', 'autoPublication', 'editOfNtin'] as const).map((kind) => ({
    value: kind,
    group: 'card',
    code: kind === 'editOfNtin' ? 'ntin' : kind,
    nameRu: '',
    nameKk: '',
  }));
  // Files named by path relative to the sheet (the names are the column codes: they read the same in every language).
  for (const slot of imageTypes) options.push({ value: photoColumnOf(slot), group: 'card', code: photoColumnOf(slot), nameRu: '', nameKk: '' });
  options.push({ value: documentColumn, group: 'card', code: documentColumn, nameRu: '', nameKk: '' });
  for (const group of ['base', 'mainExtended', 'additionalExtended'] as const) {
    for (const entry of index.groups[group]) {
      // The catalogue assigns the NTIN; a column of NTINs means "edit this card" and is offered above.
      if (entry.code === 'ntin') continue;
      if (entry.parts.size === 0) {
        options.push({ value: targetKey({ kind: 'attribute', code: entry.code }), group, code: entry.code, nameRu: entry.definition.nameRu, nameKk: entry.definition.nameKk });
        continue;
      }
      for (const [part, definition] of entry.parts) {
        options.push({
          value: targetKey({ kind: 'part', code: entry.code, part }),
          group,
          // The layout's column name for the part (`quantity`), not a dotted path that reads like a translation key.
          code: part,
          nameRu: `${entry.definition.nameRu}: ${definition.nameRu}`,
          nameKk: `${entry.definition.nameKk}: ${definition.nameKk}`,
        });
      }
    }
  }
  return options;
}

/** Columns that share one target (other than "ignore"), by target key → column indexes. */
export function duplicateTargets(mapping: ColumnMapping): Map<string, number[]> {
  const columns = new Map<string, number[]>();
  mapping.forEach((target, column) => {
    if (target.kind === 'ignore') return;
    const key = targetKey(target);
    columns.set(key, [...(columns.get(key) ?? []), column]);
  });
  return new Map([...columns].filter(([, list]) => list.length > 1));
}
