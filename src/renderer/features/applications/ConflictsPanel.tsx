import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldConflict } from '../../../shared/application/draft-fields.ts';

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** A stored value in words: text as it is, lists joined, a photo or a list of documents by what it is. */
function valueText(value: unknown, t: Translate): string {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return t('ui.editor.conflict.empty');
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? t('ui.editor.yes') : t('ui.editor.no');
  if (Array.isArray(value)) return value.every((part) => typeof part === 'string') ? value.join(', ') : t('ui.editor.conflict.items', { count: value.length });
  if (typeof value === 'object' && 'blobId' in value) return t('ui.editor.conflict.photo');
  return Object.values(value as Record<string, unknown>)
    .map((part) => valueText(part, t))
    .join(' ');
}

/**
 * Fields this editor and another one (a second tab or window) changed differently. Neither value is lost: the other
 * one is stored, this one is on screen, and the officer chooses.
 */
export function ConflictsPanel({
  conflicts,
  fieldLabel,
  onKeepMine,
  onTakeTheirs,
}: {
  conflicts: readonly FieldConflict[];
  /** The label of a field as the checklist names it (`name_ru`, `photos.front`, `oktru`). */
  fieldLabel: (field: string) => ReactNode;
  onKeepMine: (conflict: FieldConflict) => void;
  onTakeTheirs: (conflict: FieldConflict) => void;
}) {
  const { t } = useTranslation();
  if (conflicts.length === 0) return null;
  const label = (field: string) => {
    const [head, , code] = field.split('.');
    if (head === 'values' && code) return fieldLabel(field.split('.').slice(2).join('.'));
    if (field === 'isGov') return t('ui.editor.isGov');
    if (field === 'custom') return t('ui.editor.groups.custom');
    if (field === 'documents') return t('ui.editor.conflict.documents');
    return fieldLabel(field);
  };
  return (
    <section className="conflicts error-message" role="alert" data-testid="edit-conflicts" aria-labelledby="conflicts-title">
      <h2 id="conflicts-title">{t('ui.editor.conflict.title')}</h2>
      <p>{t('ui.editor.conflict.explain')}</p>
      <ul>
        {conflicts.map((conflict) => (
          <li key={conflict.field} data-testid="edit-conflict" data-field={conflict.field}>
            <strong>{label(conflict.field)}</strong>: {t('ui.editor.conflict.values', { theirs: valueText(conflict.theirs, t), mine: valueText(conflict.mine, t) })}{' '}
            <button type="button" onClick={() => onKeepMine(conflict)} data-testid="conflict-keep-mine">
              {t('ui.editor.conflict.keepMine')}
            </button>{' '}
            <button type="button" onClick={() => onTakeTheirs(conflict)} data-testid="conflict-take-theirs">
              {t('ui.editor.conflict.takeTheirs')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
