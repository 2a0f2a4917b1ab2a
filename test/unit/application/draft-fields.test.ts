import { describe, expect, it } from 'vitest';
import { applyFieldChanges, changedFields, draftFields, mergeDrafts, withFieldValue } from '../../../src/shared/application/draft-fields.ts';
import { emptyDraft, type ApplicationDraft } from '../../../src/shared/application/draft.ts';

function draft(edit: (draft: ApplicationDraft) => void = () => undefined): ApplicationDraft {
  const base = emptyDraft({ id: 'd-1', oktru: '1020-0011-0003-100006374' });
  base.values.base = { name_ru: 'Кумыс', name_kk: 'Қымыз', tnved: ['2206005900'] };
  base.photos = { front: { blobId: 'photo:1' } };
  edit(base);
  return base;
}

describe('a draft as fields (two editors of one application)', () => {
  it('names each attribute, each photo and the other keys as a field, and sets or removes one without touching the rest', () => {
    const fields = draftFields(draft());
    expect([...fields.keys()].sort()).toEqual(['autoPublication', 'custom', 'documents', 'isGov', 'oktru', 'photos.front', 'values.base.name_kk', 'values.base.name_ru', 'values.base.tnved']);
    const renamed = withFieldValue(draft(), 'values.base.name_kk', 'Сүт');
    expect(renamed.values.base).toEqual({ name_ru: 'Кумыс', name_kk: 'Сүт', tnved: ['2206005900'] });
    expect(withFieldValue(draft(), 'photos.front', undefined).photos).toEqual({});
    expect(withFieldValue(draft(), 'photos.back', { blobId: 'photo:2' }).photos).toEqual({ front: { blobId: 'photo:1' }, back: { blobId: 'photo:2' } });
    expect(withFieldValue(draft(), 'id', 'other').id).toBe('d-1');
  });

  it('lists exactly the fields that changed', () => {
    const after = draft((d) => {
      d.values.base.name_ru = 'Кумыс «Асель»';
      d.isGov = true;
      delete d.photos.front;
    });
    expect(changedFields(draft(), after)).toEqual([
      { field: 'isGov', before: false, after: true },
      { field: 'values.base.name_ru', before: 'Кумыс', after: 'Кумыс «Асель»' },
      { field: 'photos.front', before: { blobId: 'photo:1' }, after: undefined },
    ]);
  });

  it('writes changes to different fields side by side, and reports a field another editor changed meanwhile', () => {
    // Tab A stored a new Kazakh name; tab B, still based on the old draft, changes the Russian one and the Kazakh one.
    const stored = withFieldValue(draft(), 'values.base.name_kk', 'Қымыз «Әсел»');
    const outcome = applyFieldChanges(stored, [
      { field: 'values.base.name_ru', before: 'Кумыс', after: 'Кумыс «Асель»' },
      { field: 'values.base.name_kk', before: 'Қымыз', after: 'Қымыз (сүт)' },
    ]);
    expect(outcome.applied).toBe(1);
    expect(outcome.draft.values.base['name_ru']).toBe('Кумыс «Асель»');
    expect(outcome.draft.values.base['name_kk']).toBe('Қымыз «Әсел»');
    expect(outcome.conflicts).toEqual([{ field: 'values.base.name_kk', mine: 'Қымыз (сүт)', theirs: 'Қымыз «Әсел»' }]);
    // The same value typed in both places is no conflict.
    expect(applyFieldChanges(stored, [{ field: 'values.base.name_kk', before: 'Қымыз', after: 'Қымыз «Әсел»' }])).toMatchObject({ applied: 0, conflicts: [] });
  });

  it('merges a save made elsewhere into an open editor: their fields come in, pending local ones stay, a clash is reported', () => {
    const base = draft();
    const local = draft((d) => {
      d.values.base.name_ru = 'Кумыс жеребячий'; // typed here, not saved yet
      d.values.base.name_kk = 'Қымыз биенің';
    });
    const remote = draft((d) => {
      d.oktru = '1020-0011-0003-100006375'; // changed there only
      d.values.base.name_kk = 'Қымыз «Әсел»'; // changed in both places
      d.photos.back = { blobId: 'photo:9' };
    });
    const merged = mergeDrafts(base, local, remote);
    expect(merged.draft.oktru).toBe('1020-0011-0003-100006375');
    expect(merged.draft.photos.back).toEqual({ blobId: 'photo:9' });
    expect(merged.draft.values.base['name_ru']).toBe('Кумыс жеребячий');
    expect(merged.draft.values.base['name_kk']).toBe('Қымыз биенің');
    expect(merged.conflicts).toEqual([{ field: 'values.base.name_kk', mine: 'Қымыз биенің', theirs: 'Қымыз «Әсел»' }]);
    // Nothing new elsewhere: the editor keeps its draft object as it is.
    expect(mergeDrafts(base, local, base).draft).toBe(local);
  });
});
