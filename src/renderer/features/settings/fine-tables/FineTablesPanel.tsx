import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  checkDraft,
  defaultFineTables,
  draftOf,
  draftRowKey,
  fineTableProblemText,
  fineTablesFile,
  maxFineTablesFileChars,
  parseFineTables,
  type FineTableProblem,
  type FineTables,
  type FineTablesDraft,
} from '../../../../shared/inspection/index.ts';
import { localToday } from '../../../../shared/i18n/format.ts';
import { useBridge } from '../../../app/bridge-context.tsx';
import { settingsSections } from '../../../app/components/settings-sections.ts';
import { useLocation } from '../../../app/router.ts';
import { useDatabase } from '../../../db/context.tsx';
import { saveFineTables, useFineTables } from '../../../db/inspections.ts';
import { FineTablesEditor } from './FineTablesEditor.tsx';
import './fine-tables.css';

const shownProblems = 12;

type Outcome =
  | { kind: 'saved' }
  | { kind: 'imported'; file: string; rules: number; years: number }
  | { kind: 'refused'; file: string; problems: FineTableProblem[] }
  | { kind: 'read-failed'; file: string }
  | { kind: 'exported'; location: string }
  | { kind: 'reset' }
  | { kind: 'failed'; action: 'store' | 'export' };

/**
 * The fine rules and MCI values the inspection act's estimate is computed from: edited as a draft that is put
 * in force only when whole and valid, imported from a file (a bad file changes nothing), exported to the same
 * format for inspectors, or reset to the shipped defaults. `data-outcome` says what the last action did.
 */
export function FineTablesPanel() {
  const { t } = useTranslation();
  const tables = useFineTables();
  const location = useLocation();
  const section = useRef<HTMLElement>(null);
  const linkedHere = location.route === 'settings' && location.rest[0] === settingsSections.fineTables;
  // Held here, not in the form: the form starts afresh whenever the tables in force change.
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  // Scrolled to once the tables are shown (not again on each change of them).
  const shown = tables !== undefined;
  useEffect(() => {
    if (linkedHere && shown) section.current?.scrollIntoView({ block: 'start' });
  }, [linkedHere, shown]);
  return (
    <section ref={section} id="settings-fine-tables" aria-labelledby="settings-fine-tables-title" className="fine-tables" data-testid="fine-tables-panel">
      <h2 id="settings-fine-tables-title">{t('settingsUi.fines.title')}</h2>
      <p>{t('settingsUi.fines.intro')}</p>
      {tables ? <FineTablesForm tables={tables} outcome={outcome} setOutcome={setOutcome} /> : <p>{t('ui.loading')}</p>}
    </section>
  );
}

function FineTablesForm({ tables, outcome, setOutcome }: { tables: FineTables; outcome: Outcome | undefined; setOutcome: (outcome: Outcome | undefined) => void }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const bridge = useBridge();
  const [draft, setDraft] = useState<FineTablesDraft>(() => draftOf(tables));
  const [dirty, setDirty] = useState(false);
  // The tables in force changed (here, or in another window): an untouched draft follows them; edits in
  // progress are kept, and the officer is told, so nothing typed is dropped unseen.
  const inForce = JSON.stringify(tables);
  const [draftBase, setDraftBase] = useState(inForce);
  const [changedElsewhere, setChangedElsewhere] = useState(false);
  if (inForce !== draftBase) {
    setDraftBase(inForce);
    if (dirty) setChangedElsewhere(true);
    else setDraft(draftOf(tables));
  }
  const [confirmReset, setConfirmReset] = useState(false);
  const check = checkDraft(draft);
  const problems = dirty && !check.ok ? check.problems : [];
  const translate = (key: string, params?: Record<string, string | number>) => t(key, params ?? {});

  const edit = (next: FineTablesDraft) => {
    setDraft(next);
    setDirty(true);
    setOutcome(undefined);
  };
  const putInForce = async (next: FineTables, done: Outcome) => {
    try {
      await saveFineTables(db, next);
    } catch {
      // Nothing was written: the tables in force and the draft stay as they were.
      setOutcome({ kind: 'failed', action: 'store' });
      return;
    }
    setDraft(draftOf(next));
    setDirty(false);
    setChangedElsewhere(false);
    setOutcome(done);
  };
  const save = () => {
    if (check.ok) void putInForce(check.tables, { kind: 'saved' });
  };
  const onImport = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > maxFineTablesFileChars * 4) {
      setOutcome({ kind: 'refused', file: file.name, problems: [{ code: 'tooBigFile', params: { max: maxFineTablesFileChars / 1_000_000 } }] });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setOutcome({ kind: 'read-failed', file: file.name });
      return;
    }
    const parsed = parseFineTables(text);
    if (!parsed.ok) {
      setOutcome({ kind: 'refused', file: file.name, problems: parsed.problems });
      return;
    }
    await putInForce(parsed.tables, { kind: 'imported', file: file.name, rules: parsed.tables.rules.length, years: parsed.tables.mciValues.length });
  };
  const exportFile = async () => {
    const name = `fine-tables-${localToday()}.json`;
    try {
      const saved = await bridge.files.save({ suggestedName: name, mimeType: 'application/json', bytes: new TextEncoder().encode(fineTablesFile(tables)) });
      if (saved.saved) setOutcome({ kind: 'exported', location: saved.location ?? name });
    } catch {
      setOutcome({ kind: 'failed', action: 'export' });
    }
  };

  return (
    <div data-testid="fine-tables" data-outcome={outcome?.kind ?? ''} data-dirty={dirty}>
      {draft.fromDefaults && draft.source.trim() === '' ? <p className="notice">{t('inspection.fine.defaultSource')}</p> : null}
      <label className="fine-tables-source">
        {t('settingsUi.fines.source')}
        {/* The source line is the office's own words, in whatever language it wrote them. */}
        <input value={draft.source} placeholder={t('settingsUi.fines.sourceHint')} maxLength={1000} onChange={(event) => edit({ ...draft, source: event.target.value })} data-testid="fine-source" data-catalogue-data />
      </label>
      <FineTablesEditor
        draft={draft}
        problems={problems}
        onChange={edit}
        onAddYear={() => edit({ ...draft, mciValues: [...draft.mciValues, { key: draftRowKey(), year: '', kzt: '' }] })}
      />
      {problems.length > 0 ? (
        <div role="alert" className="error-message" data-testid="fine-tables-problems">
          <p>{t('settingsUi.fines.problems')}</p>
          <ProblemList problems={problems} translate={translate} />
        </div>
      ) : null}
      <div className="toolbar">
        <button type="button" onClick={save} disabled={!dirty || !check.ok} data-testid="fine-tables-save">
          {t('settingsUi.fines.save')}
        </button>
        <button
          type="button"
          onClick={() => {
            setDraft(draftOf(tables));
            setDirty(false);
            setChangedElsewhere(false);
          }}
          disabled={!dirty}
          data-testid="fine-tables-discard"
        >
          {t('settingsUi.fines.discard')}
        </button>
        {dirty ? <span data-testid="fine-tables-unsaved">{t('settingsUi.fines.unsaved')}</span> : null}
      </div>
      {dirty && changedElsewhere ? (
        <p role="status" className="warning-message" data-testid="fine-tables-changed-elsewhere">
          {t('settingsUi.fines.changedElsewhere')}
        </p>
      ) : null}
      <div className="toolbar">
        <label className="button-like">
          {t('settingsUi.fines.import')}
          <input type="file" accept=".json,application/json" hidden onChange={(event) => void onImport(event)} data-testid="fine-tables-import" />
        </label>
        <button type="button" onClick={() => void exportFile()} data-testid="fine-tables-export">
          {t('settingsUi.fines.export')}
        </button>
        {confirmReset ? (
          <span className="fine-tables-confirm" role="group" aria-label={t('settingsUi.fines.reset')}>
            {t('settingsUi.fines.resetConfirm')}{' '}
            <button
              type="button"
              onClick={() => {
                setConfirmReset(false);
                void putInForce(defaultFineTables, { kind: 'reset' });
              }}
              data-testid="fine-tables-reset-yes"
            >
              {t('settingsUi.fines.resetYes')}
            </button>{' '}
            <button type="button" onClick={() => setConfirmReset(false)}>
              {t('settingsUi.fines.cancel')}
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => setConfirmReset(true)} data-testid="fine-tables-reset">
            {t('settingsUi.fines.reset')}
          </button>
        )}
      </div>
      <OutcomeLine outcome={outcome} translate={translate} />
    </div>
  );
}

function OutcomeLine({ outcome, translate: t }: { outcome: Outcome | undefined; translate: (key: string, params?: Record<string, string | number>) => string }) {
  if (!outcome) return null;
  switch (outcome.kind) {
    case 'refused':
      return (
        <div role="alert" className="error-message" data-testid="fine-tables-refused">
          <p>{t('settingsUi.fines.refused', { file: outcome.file })}</p>
          <ProblemList problems={outcome.problems} translate={t} />
        </div>
      );
    case 'read-failed':
      return (
        <p role="alert" className="error-message" data-testid="fine-tables-refused">
          {t('settingsUi.fines.refused', { file: outcome.file })} {t('settingsUi.fines.readFailed')}
        </p>
      );
    case 'imported':
      return <p role="status" data-testid="fine-tables-status">{t('settingsUi.fines.imported', { file: outcome.file, rules: outcome.rules, years: outcome.years })}</p>;
    case 'exported':
      return <p role="status" data-testid="fine-tables-status">{t('settingsUi.fines.exported', { location: outcome.location })}</p>;
    case 'reset':
      return <p role="status" data-testid="fine-tables-status">{t('settingsUi.fines.resetDone')}</p>;
    case 'saved':
      return <p role="status" data-testid="fine-tables-status">{t('settingsUi.fines.saved')}</p>;
    case 'failed':
      return (
        <p role="alert" className="error-message" data-testid="fine-tables-failed">
          {t(outcome.action === 'store' ? 'settingsUi.fines.storeFailed' : 'settingsUi.fines.exportFailed')}
        </p>
      );
  }
}

function ProblemList({ problems, translate }: { problems: FineTableProblem[]; translate: (key: string, params?: Record<string, string | number>) => string }) {
  return (
    <ul data-testid="fine-tables-problem-list">
      {problems.slice(0, shownProblems).map((problem, index) => (
        <li key={index} data-table={problem.table ?? ''} data-row={problem.row ?? ''} data-column={problem.column ?? ''} data-code={problem.code}>
          {fineTableProblemText(problem, translate)}
        </li>
      ))}
      {problems.length > shownProblems ? <li>{translate('settingsUi.fines.more', { count: problems.length - shownProblems })}</li> : null}
    </ul>
  );
}
