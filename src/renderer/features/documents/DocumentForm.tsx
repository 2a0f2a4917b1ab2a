import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { conformityDocumentTypes, type ConformityDocument } from '../../../shared/application/draft.ts';
import { DateField } from '../../app/components/DateField.tsx';
import { KazakhLetters } from '../../app/components/KazakhLetters.tsx';
import { ErrorMessage } from '../../app/components/ErrorMessage.tsx';
import { useFileDropGuard } from '../../app/components/use-file-drop-guard.ts';
import { useDatabase } from '../../db/context.tsx';
import { saveRegisterDocument } from '../../db/documents.ts';
import { localToday } from '../../../shared/i18n/format.ts';
import { checkDocumentForm, checkNumber, type DocumentFormField, type DocumentFormValues, type FieldMessage } from './document-form.ts';
import { NumberCheck } from './NumberCheck.tsx';
import { PdfField, type AcceptedPdf } from './PdfField.tsx';
import { commonRegulations } from './regulation.ts';

const checkedFields: readonly DocumentFormField[] = ['number', 'technicalRegulation', 'issuedOn', 'expiresOn'];

function initialValues(document: ConformityDocument | undefined): DocumentFormValues {
  return {
    number: document?.number ?? '',
    type: document?.type ?? 'certificate',
    technicalRegulation: document?.technicalRegulation ?? '',
    issuer: document?.issuer ?? '',
    issuedOn: document?.issuedOn ?? '',
    expiresOn: document?.expiresOn ?? '',
  };
}

/** Add or edit one register entry. Nothing is written until Save; a refused PDF leaves every field as it was. */
export function DocumentForm({ existing, onSaved, onCancel }: { existing: ConformityDocument | undefined; onSaved: (document: ConformityDocument) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const ids = useId();
  useFileDropGuard();
  const [values, setValues] = useState(() => initialValues(existing));
  // Until the officer picks a type, it follows what the number says (С… certificate, Д… declaration).
  const [typeChosen, setTypeChosen] = useState(existing !== undefined);
  const [pdf, setPdf] = useState<AcceptedPdf>();
  const [checkingPdf, setCheckingPdf] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<DocumentFormField, FieldMessage>>>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>();
  // Dates whose text is not a real day: the field shows why; Save waits until they are fixed or emptied.
  const [impossibleDates, setImpossibleDates] = useState<Partial<Record<'issuedOn' | 'expiresOn', boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const issuerInput = useRef<HTMLInputElement>(null);
  const form = useRef<HTMLFormElement>(null);

  const set = <Field extends keyof DocumentFormValues>(field: Field, value: DocumentFormValues[Field]) => {
    setValues((current) => {
      const next = { ...current, [field]: value };
      if (field === 'number' && !typeChosen) {
        const check = checkNumber(next);
        if (check?.valid && check.type !== 'unknown') next.type = check.type;
      }
      return next;
    });
    // An edited field's error goes away; it is checked again on Save.
    const checked = checkedFields.find((candidate) => candidate === field);
    if (checked) setErrors(({ [checked]: _fixed, ...rest }) => rest);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const check = checkDocumentForm(values, localToday());
    const datesImpossible = Object.values(impossibleDates).some(Boolean);
    if (!check.ok || datesImpossible) {
      setErrors(check.ok ? {} : check.errors);
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setSaving(true);
    setSaveError(undefined);
    try {
      const saved = await saveRegisterDocument(db, { ...check.document, id: existing?.id ?? crypto.randomUUID(), blobId: existing?.blobId, fileName: existing?.fileName }, pdf && { file: pdf.file, thumbnail: pdf.thumbnail });
      onSaved(saved);
    } catch (error) {
      setSaveError(error ?? new Error('save failed'));
    } finally {
      setSaving(false);
    }
  };

  const error = (field: DocumentFormField) =>
    errors[field] && (
      <span role="alert" className="field-error" id={`${ids}-${field}-error`} data-testid={`document-error-${field}`}>
        {t(errors[field].key, errors[field].params ?? {})}
      </span>
    );
  // A wrong number is already explained by NumberCheck as it is typed: Save marks the field, not a second copy.
  const numberExplainedByCheck = checkNumber(values) !== null;
  const invalid = (field: DocumentFormField) =>
    errors[field] ? { 'aria-invalid': true, 'aria-describedby': field === 'number' && numberExplainedByCheck ? `${ids}-number-check` : `${ids}-${field}-error` } : {};
  const dateChanged = (field: 'issuedOn' | 'expiresOn') => (impossible: boolean) => setImpossibleDates((current) => ({ ...current, [field]: impossible }));

  return (
    <form ref={form} className="document-form" onSubmit={(event) => void submit(event)} noValidate data-testid="document-form">
      <label className="field">
        <span>{t('documents.field.number')} *</span>
        <input value={values.number} onChange={(event) => set('number', event.target.value)} autoComplete="off" spellCheck={false} data-testid="document-number" {...invalid('number')} />
        <span className="hint">{t('documents.hint.number')}</span>
        <NumberCheck number={values.number} type={values.type} id={`${ids}-number-check`} />
        {!numberExplainedByCheck && error('number')}
      </label>
      <label className="field">
        <span>{t('documents.field.type')}</span>
        <select
          value={values.type}
          onChange={(event) => {
            setTypeChosen(true);
            set('type', conformityDocumentTypes.find((type) => type === event.target.value) ?? 'other');
          }}
          data-testid="document-type"
        >
          {conformityDocumentTypes.map((type) => (
            <option key={type} value={type}>
              {t(`documents.type.${type}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('documents.field.regulation')}</span>
        <input value={values.technicalRegulation} onChange={(event) => set('technicalRegulation', event.target.value)} list={`${ids}-regulations`} autoComplete="off" data-testid="document-regulation" {...invalid('technicalRegulation')} />
        <datalist id={`${ids}-regulations`}>
          {commonRegulations.map((regulation) => (
            <option key={regulation} value={regulation} />
          ))}
        </datalist>
        <span className="hint">{t('documents.hint.regulation')}</span>
        {error('technicalRegulation')}
      </label>
      <label className="field">
        <span>{t('documents.field.issuer')}</span>
        <input ref={issuerInput} value={values.issuer} onChange={(event) => set('issuer', event.target.value)} data-testid="document-issuer" />
        <KazakhLetters target={() => issuerInput.current} />
      </label>
      <div className="document-dates">
        <label className="field">
          <span>{t('documents.field.issuedOn')}</span>
          <DateField value={values.issuedOn} onChange={(date) => set('issuedOn', date)} onInvalidChange={dateChanged('issuedOn')} showInvalid={submitted} data-testid="document-issued-on" {...invalid('issuedOn')} />
          {error('issuedOn')}
        </label>
        <label className="field">
          <span>{t('documents.field.expiresOn')}</span>
          <DateField value={values.expiresOn} onChange={(date) => set('expiresOn', date)} onInvalidChange={dateChanged('expiresOn')} showInvalid={submitted} data-testid="document-expires-on" {...invalid('expiresOn')} />
          {error('expiresOn')}
        </label>
      </div>
      <PdfField storedBlobId={existing?.blobId} pending={pdf} onAccepted={setPdf} onCheckingChange={setCheckingPdf} />
      <div className="form-actions">
        <button type="submit" disabled={saving || checkingPdf} data-testid="document-save">
          {t('documents.save')}
        </button>
        <button type="button" onClick={onCancel} data-testid="document-cancel">
          {t('documents.cancel')}
        </button>
        {(Object.keys(errors).length > 0 || Object.values(impossibleDates).some(Boolean)) && submitted && <span className="field-error">{t('documents.errors.fixFirst')}</span>}
        {saveError !== undefined && <ErrorMessage error={saveError} inline testId="document-save-error" />}
      </div>
    </form>
  );
}
