import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttributeDefinition } from '../../../shared/catalogue/dto.ts';
import type { DraftCompoundValue, DraftPartValue, DraftValue } from '../../../shared/application/draft.ts';
import { KazakhLetters } from '../../app/components/KazakhLetters.tsx';
import { kazakhTextAttributeCodes } from '../../../shared/application/attribute-codes.ts';
import { DictionaryPicker } from '../../app/components/DictionaryPicker.tsx';
import { uiLocale } from '../../app/format.ts';
import { attributeLabel } from '../../../shared/application/attribute-names.ts';
import { DateField } from '../../app/components/DateField.tsx';

/** An attribute's name in the UI language as plain text (accessible names); see `AttributeName` for the screen. */
export function attributeName(definition: Pick<AttributeDefinition, 'nameKk' | 'nameRu' | 'code'>, language: string): string {
  return attributeLabel(definition, uiLocale(language)).text;
}

/**
 * An attribute's name on screen, with `lang` set to the language it is written in. The catalogue names its
 * attributes in Russian and Kazakh only: where no name exists in the UI language the Russian one shows, marked
 * as Russian, with the code beside it as a separate element, never mixed into one string.
 */
export function AttributeName({ attribute }: { attribute: Pick<AttributeDefinition, 'nameKk' | 'nameRu' | 'code'> }) {
  const { i18n } = useTranslation();
  const label = attributeLabel(attribute, uiLocale(i18n.language));
  return (
    <>
      <span lang={label.lang}>{label.text}</span>
      {label.fallbackCode && (
        <>
          {' '}
          <code className="attribute-code" data-testid="attribute-code" data-catalogue-data="">
            {label.fallbackCode}
          </code>
        </>
      )}
    </>
  );
}

export function fieldId(field: string): string {
  return `field-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

const kazakhTextCodes = new Set<string>(kazakhTextAttributeCodes);

interface FieldProps {
  definition: AttributeDefinition;
  value: DraftValue | undefined;
  onChange: (value: DraftValue | undefined) => void;
  field: string;
  locked?: boolean;
  invalid?: boolean;
}

/** One attribute's input, chosen by its `dataType`; compounds render their parts. */
export function AttributeField({ definition, value, onChange, field, locked, invalid }: FieldProps) {
  const { i18n } = useTranslation();
  const label = attributeName(definition, i18n.language);
  if (definition.attributes && definition.attributes.length > 0) {
    const compound: DraftCompoundValue = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
    return (
      <fieldset className="compound" id={fieldId(field)}>
        <legend>
          <AttributeName attribute={definition} />
        </legend>
        {definition.attributes.map((part) => (
          <label key={part.code}>
            <span>
              <AttributeName attribute={part} />
            </span>
            <ScalarInput
              definition={part}
              value={compound[part.code]}
              field={`${field}.${part.code}`}
              locked={locked}
              label={attributeName(part, i18n.language)}
              onChange={(partValue) => {
                const next: DraftCompoundValue = { ...compound };
                if (partValue === undefined || partValue === '') delete next[part.code];
                else next[part.code] = partValue;
                onChange(Object.keys(next).length ? next : undefined);
              }}
            />
          </label>
        ))}
      </fieldset>
    );
  }
  return (
    <label className="field">
      <span>
        <AttributeName attribute={definition} />
        {definition.isRequired ? ' *' : ''}
      </span>
      <ScalarInput
        definition={definition}
        value={typeof value === 'object' && !Array.isArray(value) ? undefined : value}
        field={field}
        locked={locked}
        invalid={invalid}
        label={label}
        onChange={onChange}
      />
    </label>
  );
}

function ScalarInput(props: {
  definition: AttributeDefinition;
  value: DraftPartValue | undefined;
  onChange: (value: DraftPartValue | undefined) => void;
  field: string;
  label: string;
  locked?: boolean;
  invalid?: boolean;
}) {
  const { t } = useTranslation();
  const textRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const { definition, value, onChange, field, locked, invalid, label } = props;
  const id = fieldId(field);
  const text = typeof value === 'string' ? value : Array.isArray(value) ? value.join('@') : '';
  const common = { id, disabled: locked, 'aria-invalid': invalid || undefined, 'aria-label': label };

  switch (definition.dataType) {
    case 'boolean':
      return (
        <select {...common} value={text} onChange={(event) => onChange(event.target.value || undefined)}>
          <option value="">—</option>
          <option value="true">{t('ui.editor.yes')}</option>
          <option value="false">{t('ui.editor.no')}</option>
        </select>
      );
    case 'dictionary':
      return definition.dictionaryCode ? (
        <DictionaryPicker id={id} dictionary={definition.dictionaryCode.toUpperCase()} value={text} disabled={locked} invalid={invalid} label={label} onChange={(code) => onChange(code || undefined)} />
      ) : (
        <input {...common} value={text} onChange={(event) => onChange(event.target.value)} />
      );
    case 'multiDictionary': {
      const codes = Array.isArray(value) ? value : text ? text.split('@') : [];
      return (
        <div className="multi" id={id}>
          <ul className="chips">
            {codes.map((code) => (
              <li key={code}>
                {code}
                {!locked && (
                  <button type="button" aria-label={t('ui.editor.remove', { value: code })} onClick={() => onChange(codes.filter((other) => other !== code))}>
                    ×
                  </button>
                )}
              </li>
            ))}
          </ul>
          {!locked && definition.dictionaryCode && (
            <DictionaryPicker
              dictionary={definition.dictionaryCode.toUpperCase()}
              value=""
              label={label}
              invalid={invalid}
              onChange={(code) => onChange(codes.includes(code) ? codes : [...codes, code])}
            />
          )}
        </div>
      );
    }
    case 'date':
      return <DateField {...common} value={text} onChange={(date) => onChange(date)} />;
    case 'number':
      return <input {...common} inputMode="decimal" value={text} onChange={(event) => onChange(event.target.value)} />;
    case 'text':
      return <textarea {...common} ref={textRef} rows={3} value={text} onChange={(event) => onChange(event.target.value)} />;
    default:
      return (
        <>
          <input {...common} ref={textRef} value={text} onChange={(event) => onChange(event.target.value)} />
          {kazakhTextCodes.has(definition.code) && !locked && <KazakhLetters target={() => textRef.current} />}
        </>
      );
  }
}
