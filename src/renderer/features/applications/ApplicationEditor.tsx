import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { nameCodeFor } from '../../../shared/application/attribute-codes.ts';
import { changedFields, mergeDrafts, sameValue, withFieldValue, type FieldChange, type FieldConflict } from '../../../shared/application/draft-fields.ts';
import { emptyDraft, findValue, immutableOnEdit, setDraftValue, type ApplicationDraft, type DraftValue } from '../../../shared/application/draft.ts';
import { toSchemaIndex, type IndexedAttribute } from '../../../shared/application/schema.ts';
import { canMarkReady, validateDraft, type Problem } from '../../../shared/application/validate.ts';
import { useBridge } from '../../app/bridge-context.tsx';
import { DictionaryPicker } from '../../app/components/DictionaryPicker.tsx';
import { ErrorMessage } from '../../app/components/ErrorMessage.tsx';
import { KazakhLetters } from '../../app/components/KazakhLetters.tsx';
import { routeHref } from '../../app/router.ts';
import { appStateOf, isEditable, remarksByField } from '../../../shared/sync/status.ts';
import { fetchGovSchemaIfMissing } from '../../db/attribute-schemas.ts';
import { useDatabase } from '../../db/context.tsx';
import { newDraftRecord, saveDraftChanges, setLocalState } from '../../db/drafts.ts';
import { useSyncRecord } from '../../db/sync-hooks.ts';
import { useAttributeSchemas, useDraftRecord } from '../../db/hooks.ts';
import type { DraftRecord } from '../../db/records.ts';
import { buildValidationContext } from '../../db/validation-context.ts';
import { AttributeField, AttributeName, fieldId } from './AttributeField.tsx';
import { CatalogueFormsOffer, useRefreshWhenMissing } from './CatalogueFormsOffer.tsx';
import { DeleteApplicationsButton } from './DeleteApplications.tsx';
import { FieldRemarks, RevisionBanner } from './Remarks.tsx';
import { ConflictsPanel } from './ConflictsPanel.tsx';
import { DocumentAttachments } from './DocumentAttachments.tsx';
import { clearJournal, readJournal, writeJournal } from './edit-journal.ts';
import { PhotoSlots } from './photos/PhotoSlots.tsx';
import { ProblemsPanel } from './ProblemsPanel.tsx';

const groupsInOrder = ['base', 'mainExtended', 'additionalExtended'] as const;

/**
 * `isNew`: "New application" opened an empty form under a fresh id; nothing is stored until the first change,
 * and then the address becomes the application's own (a reload reopens it).
 */
export function ApplicationEditor({ id, isNew = false }: { id: string; isNew?: boolean }) {
  const { t } = useTranslation();
  const record = useDraftRecord(id);
  const [journal] = useState(() => readJournal(id));
  const [unsaved] = useState(() => newDraftRecord(emptyDraft({ id }), 0));
  useEffect(() => {
    if (isNew && record) window.history.replaceState(window.history.state, '', routeHref('applications', id));
  }, [isNew, record, id]);
  if (record === undefined) return <p>{t('ui.loading')}</p>;
  if (record === null && !isNew) return <p role="alert" className="error-message">{t('ui.errors.draftGone')}</p>;
  const stored = record ?? unsaved;
  // Keystrokes that a reload cut off before the database committed them are replayed from the journal.
  const recovered = journal && journal.savedAt >= stored.updatedAt ? journal.draft : undefined;
  return <EditorForm key={id} stored={stored} recovered={recovered} createOnSave={isNew} />;
}

/**
 * The form edits an in-memory copy and writes every change straight to IndexedDB, field by field, so a crash, a
 * reload or a closed window loses nothing typed. The previous version is kept for one-step undo.
 *
 * Another tab or window may edit the same application: its saves show up here as they land (`stored` is live),
 * merged field by field; a field both changed differently is a conflict, shown with both values until the officer
 * chooses. Nothing is overwritten silently.
 */
function EditorForm({ stored, recovered, createOnSave }: { stored: DraftRecord; recovered: ApplicationDraft | undefined; createOnSave: boolean }) {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const localState = stored.localState;
  const [draft, setDraft] = useState(() => recovered ?? stored.draft);
  const [conflicts, setConflicts] = useState<FieldConflict[]>([]);
  // What this editor last knew to be stored: the base of its merges.
  const synced = useRef({ revision: stored.revision ?? 0, draft: stored.draft });
  const [previous, setPrevious] = useState<ApplicationDraft | undefined>();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [saveError, setSaveError] = useState<unknown>();
  const [pendingSaves, setPendingSaves] = useState(0);
  const schemas = useAttributeSchemas(draft.oktru);
  const index = useMemo(() => (schemas ? toSchemaIndex(schemas) : undefined), [schemas]);
  const latest = useRef(draft);
  const bridge = useBridge();
  // Being sent or moderated: read-only, as the portal allows no change then; `remarks` of a revision go on their fields.
  const sync = useSyncRecord(stored.id);
  const readOnly = sync ? !isEditable(sync) : false;
  const syncState = sync ? appStateOf(sync) : undefined;
  const remarks = useMemo(() => remarksByField(sync ?? undefined), [sync]);
  useRefreshWhenMissing(schemas === null);

  useEffect(() => {
    if (draft.isGov) void fetchGovSchemaIfMissing(bridge, db, draft.oktru);
  }, [bridge, db, draft.isGov, draft.oktru]);

  // Read synchronously while saving, so kept in a ref beside the state that renders it.
  const conflictsNow = useRef<FieldConflict[]>([]);
  const updateConflicts = useCallback((next: (current: FieldConflict[]) => FieldConflict[]) => {
    conflictsNow.current = next(conflictsNow.current);
    setConflicts(conflictsNow.current);
  }, []);
  const addConflicts = useCallback(
    (found: readonly FieldConflict[]) => {
      if (found.length > 0) updateConflicts((current) => [...current.filter((conflict) => !found.some((one) => one.field === conflict.field)), ...found]);
    },
    [updateConflicts],
  );

  // Changes sent and not answered yet: the live record may show one of them before its save answers, and this
  // editor's own value coming back is no conflict.
  const inFlight = useRef(new Set<readonly FieldChange[]>());
  const isOwnEcho = useCallback(
    (conflict: FieldConflict) => [...inFlight.current].some((changes) => changes.some((change) => change.field === conflict.field && sameValue(change.after, conflict.theirs))),
    [],
  );

  const save = useCallback(
    (changes: readonly FieldChange[], shown: ApplicationDraft) => {
      if (changes.length === 0) return;
      setPendingSaves((count) => count + 1);
      inFlight.current.add(changes);
      saveDraftChanges(db, shown.id, changes, Date.now(), { createIfMissing: createOnSave })
        .then(
          (saved) => {
            if (saved.revision >= synced.current.revision) synced.current = { revision: saved.revision, draft: saved.draft };
            clearJournal(shown.id, shown);
            setSaveError(undefined);
            addConflicts(saved.conflicts);
          },
          (error: unknown) => setSaveError(error ?? new Error('save failed')),
        )
        .finally(() => {
          inFlight.current.delete(changes);
          setPendingSaves((count) => count - 1);
        });
    },
    [db, addConflicts, createOnSave],
  );

  const show = useCallback((next: ApplicationDraft) => {
    latest.current = next;
    setDraft(next);
    writeJournal(next);
  }, []);

  const commit = useCallback(
    (next: ApplicationDraft, options: { undoable?: boolean } = {}) => {
      const changes = changedFields(latest.current, next);
      if (options.undoable !== false) setPrevious(latest.current);
      show(next);
      // A new value typed into a field in conflict is the officer's answer to it: it replaces what is stored.
      const answered = conflictsNow.current.filter((conflict) => changes.some((change) => change.field === conflict.field));
      const settled = changes.map((change) => {
        const conflict = answered.find((candidate) => candidate.field === change.field);
        return conflict ? { ...change, before: conflict.theirs } : change;
      });
      if (answered.length > 0) updateConflicts((current) => current.filter((conflict) => !answered.includes(conflict)));
      save(settled, next);
    },
    [save, show, updateConflicts],
  );

  // Replays the journal's keystrokes that the database had not committed before a reload.
  const replayed = useRef(false);
  useEffect(() => {
    if (!recovered || replayed.current) return;
    replayed.current = true;
    save(changedFields(synced.current.draft, recovered), recovered);
  }, [recovered, save]);

  // A save made elsewhere (another tab, window or import) shows up here, merged field by field.
  useEffect(() => {
    const revision = stored.revision ?? 0;
    if (revision <= synced.current.revision) return;
    const merged = mergeDrafts(synced.current.draft, latest.current, stored.draft);
    synced.current = { revision, draft: stored.draft };
    if (merged.draft !== latest.current) {
      show(merged.draft);
      setPrevious(undefined); // an undo must not take back what someone else saved
    }
    addConflicts(merged.conflicts.filter((conflict) => !isOwnEcho(conflict)));
  }, [stored, show, addConflicts, isOwnEcho]);

  const keepMine = (conflict: FieldConflict) => {
    updateConflicts((current) => current.filter((one) => one.field !== conflict.field));
    save([{ field: conflict.field, before: conflict.theirs, after: conflict.mine }], latest.current);
  };
  const takeTheirs = (conflict: FieldConflict) => {
    updateConflicts((current) => current.filter((one) => one.field !== conflict.field));
    show(withFieldValue(latest.current, conflict.field, conflict.theirs));
  };

  useEffect(() => {
    if (!schemas) return;
    let cancelled = false;
    void buildValidationContext(db, draft, schemas).then((context) => {
      if (!cancelled) setProblems(validateDraft(draft, context));
    });
    return () => {
      cancelled = true;
    };
  }, [db, draft, schemas]);

  if (schemas === undefined) return <p>{t('ui.loading')}</p>;
  if (schemas === null) return <CatalogueFormsOffer always />;

  const setValue = (code: string, value: DraftValue | undefined) => commit(setDraftValue(latest.current, code, value, schemas));
  const errorFields = new Set(problems.filter((problem) => problem.severity === 'error').map((problem) => problem.field.split('.')[0]));
  const labelOf = (field: string): ReactNode => {
    const [code = field] = field.split('.');
    const entry = index?.byCode.get(code);
    if (entry) return <AttributeName attribute={entry.definition} />;
    const [, detail = ''] = field.split('.');
    if (code === 'oktru') return t('ui.editor.category');
    if (code === 'photos') return detail ? `${t('ui.editor.photos')}: ${t(`photos.angle.${detail}`, { defaultValue: detail })}` : t('ui.editor.photos');
    if (code === 'documents') return `${t('ui.editor.documents')} № ${Number(detail) + 1}`;
    if (code === 'custom') return `${t('ui.editor.groups.custom')} № ${Number(detail) + 1}`;
    return field;
  };
  const ready = canMarkReady(problems);

  const remarksOn = (field: string) => remarks.filter((remark) => remark.field === field);
  const shownFields = new Set(['', 'photos', ...(index ? groupsInOrder.flatMap((group) => (group === 'base' || draft.isGov ? index.groups[group].map((entry) => entry.code) : [])) : [])]);
  const renderAttribute = (entry: IndexedAttribute) => (
    <div key={entry.code} className="field-with-remarks">
      <AttributeField
        field={entry.code}
        definition={entry.definition}
        value={findValue(draft, entry.code)?.value}
        locked={draft.editOfNtin !== undefined && immutableOnEdit.includes(entry.code)}
        invalid={errorFields.has(entry.code) || remarksOn(entry.code).length > 0}
        onChange={(value) => setValue(entry.code, value)}
      />
      <FieldRemarks remarks={remarksOn(entry.code)} />
    </div>
  );

  return (
    <div className="editor">
      <div className="editor-form">
        <p>
          <a href={routeHref('applications')}>← {t('ui.applications.title')}</a>
        </p>
        <h1>{(findValue(draft, nameCodeFor(i18n.language))?.value as string | undefined) || t('ui.editor.untitled')}</h1>
        <div className="editor-toolbar">
          <span data-testid="local-state">{t(`ui.localState.${localState}`)}</span>
          <span data-testid="save-state" aria-live="polite">{saveError !== undefined ? '' : pendingSaves > 0 ? t('ui.editor.saving') : t('ui.editor.saved')}</span>
          <button type="button" disabled={!previous} onClick={() => previous && commit(previous, { undoable: false })} data-testid="undo">
            {t('ui.editor.undo')}
          </button>
          <button type="button" disabled={readOnly || !ready || localState === 'ready'} onClick={() => void setLocalState(db, draft.id, 'ready').catch((error: unknown) => setSaveError(error))} data-testid="mark-ready">
            {t('ui.editor.markReady')}
          </button>
          {!createOnSave || stored.revision !== undefined ? <DeleteApplicationsButton ids={[draft.id]} afterDelete="list" /> : null}
          {saveError !== undefined && <ErrorMessage error={saveError} inline testId="save-error" />}
        </div>
        <ConflictsPanel conflicts={conflicts} fieldLabel={labelOf} onKeepMine={keepMine} onTakeTheirs={takeTheirs} />
        {draft.editOfNtin && <p className="notice">{t('ui.editor.editing', { ntin: draft.editOfNtin })}</p>}
        {syncState === 'sending' || (readOnly && syncState !== undefined) ? (
          <p className="notice" role="status" data-testid="read-only">
            {syncState === 'sending' ? t('applications.readOnly.sending') : t('applications.readOnly.moderation')}
          </p>
        ) : null}
        {syncState === 'needsRework' ? <RevisionBanner id={draft.id} remarks={remarks.filter((remark) => !shownFields.has(remark.field))} general={remarksOn('')} fieldLabel={labelOf} /> : null}
        <fieldset className="editor-body" disabled={readOnly} data-testid="editor-body">

        <section aria-labelledby="card-title">
          <h2 id="card-title">{t('ui.editor.card')}</h2>
          <label className="field" id={fieldId('oktru')}>
            <span>{t('ui.editor.category')} *</span>
            <DictionaryPicker dictionary="OKTRU" leavesOnly value={draft.oktru} label={t('ui.editor.category')} invalid={errorFields.has('oktru')} onChange={(oktru) => commit({ ...latest.current, oktru })} />
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={draft.isGov} onChange={(event) => commit({ ...latest.current, isGov: event.target.checked })} data-testid="is-gov" />
            {t('ui.editor.isGov')}
          </label>
        </section>

        {draft.isGov && draft.oktru && !schemas.gov && <p className="notice">{t('ui.editor.noGovSchema')}</p>}
        {groupsInOrder.map((group) =>
          index && index.groups[group].length > 0 && (group === 'base' || draft.isGov) ? (
            <section key={group} aria-labelledby={`group-${group}`}>
              <h2 id={`group-${group}`}>{t(`ui.editor.groups.${group}`)}</h2>
              <div className="fields">{index.groups[group].map(renderAttribute)}</div>
            </section>
          ) : null,
        )}

        {draft.isGov && (
          <section aria-labelledby="group-custom">
            <h2 id="group-custom">{t('ui.editor.groups.custom')}</h2>
            {draft.custom.map((custom, position) => (
              <fieldset key={position} className="compound" id={fieldId(`custom.${position}`)}>
                {(['nameKk', 'nameRu', 'value'] as const).map((part) => (
                  <label key={part}>
                    <span>{t(`ui.editor.custom.${part}`)}</span>
                    <CustomInput
                      value={custom[part]}
                      kazakh={part === 'nameKk'}
                      label={t(`ui.editor.custom.${part}`)}
                      onChange={(text) => commit({ ...latest.current, custom: latest.current.custom.map((item, at) => (at === position ? { ...item, [part]: text } : item)) })}
                    />
                  </label>
                ))}
                <button type="button" onClick={() => commit({ ...latest.current, custom: latest.current.custom.filter((_, at) => at !== position) })}>
                  {t('ui.editor.custom.remove')}
                </button>
              </fieldset>
            ))}
            <button type="button" onClick={() => commit({ ...latest.current, custom: [...latest.current.custom, { nameKk: '', nameRu: '', value: '' }] })}>
              {t('ui.editor.custom.add')}
            </button>
          </section>
        )}
        <FieldRemarks remarks={remarksOn('photos')} testId="photo-remarks" />
        <PhotoSlots draft={draft} locked={readOnly ? (syncState === 'sending' ? 'sending' : 'catalogue') : undefined} onChange={(photos) => commit({ ...latest.current, photos })} />
        <DocumentAttachments draft={draft} onChange={(documents) => commit({ ...latest.current, documents })} />
        </fieldset>
      </div>
      <ProblemsPanel problems={problems} fieldLabel={labelOf} />
    </div>
  );
}

function CustomInput({ value, onChange, kazakh, label }: { value: string; onChange: (value: string) => void; kazakh: boolean; label: string }) {
  const ref = useRef<HTMLInputElement>(null);
  return (
    <>
      <input ref={ref} aria-label={label} value={value} onChange={(event) => onChange(event.target.value)} />
      {kazakh && <KazakhLetters target={() => ref.current} />}
    </>
  );
}
