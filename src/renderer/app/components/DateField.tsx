import { useId, useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatShortDate, isoDay, parseIsoDay, parseShortDate, shortDatePattern } from '../../../shared/i18n/format.ts';
import { uiLocale } from '../format.ts';

type PassedInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'defaultValue' | 'onChange' | 'type' | 'placeholder'>;

export interface DateFieldProps extends PassedInputProps {
  /** The stored date, `YYYY-MM-DD`, or '' for none. */
  value: string;
  /** Called with `YYYY-MM-DD` once the text is a real day, or '' when the field is emptied. */
  onChange: (isoDate: string) => void;
  /** Told whether the text is a date that does not exist (so a form can refuse to save it). */
  onInvalidChange?: (invalid: boolean) => void;
  /** Show the error even before the field was left (a form shows it once Save was pressed). */
  showInvalid?: boolean;
  'data-testid'?: string;
}

function shownText(isoDate: string, language: string): string {
  const parts = parseIsoDay(isoDate);
  return parts ? formatShortDate(parts, uiLocale(language)) : isoDate;
}

/**
 * A date typed in the UI language's short form ("28.11.2026"; "28/11/2026" in English) and stored as ISO.
 * The browser's own date picker is not used: it follows the operating system's locale (mm/dd/yyyy on an
 * English system) rather than the language chosen in the app. What was typed is never thrown away: a day
 * that does not exist stays in the field with an error under it, and the stored value is left as it was.
 */
export function DateField({ value, onChange, onInvalidChange, showInvalid, onBlur, className, ...inputProps }: DateFieldProps) {
  const { t, i18n } = useTranslation();
  const errorId = useId();
  const locale = uiLocale(i18n.language);
  const [text, setText] = useState(() => shownText(value, i18n.language));
  const [shownFor, setShownFor] = useState({ value, locale });
  const [touched, setTouched] = useState(false);

  // A new value from outside (another tab, a reset) or a new language rewrites the text, unless it is what was typed.
  if (shownFor.value !== value || shownFor.locale !== locale) {
    setShownFor({ value, locale });
    const typed = parseShortDate(text);
    if (shownFor.value !== value && !(typed && isoDay(typed) === value)) setText(shownText(value, i18n.language));
    else if (typed) setText(formatShortDate(typed, locale));
  }

  const parsed = parseShortDate(text);
  const impossible = text.trim() !== '' && !parsed;
  const showError = impossible && (touched || showInvalid === true);
  const example = formatShortDate({ year: 2026, month: 11, day: 28 }, locale);

  return (
    <>
      <input
        {...inputProps}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        className={['date-field', className].filter(Boolean).join(' ')}
        value={text}
        placeholder={shortDatePattern(locale)}
        data-value={parsed ? isoDay(parsed) : text.trim() === '' ? '' : undefined}
        aria-invalid={showError || inputProps['aria-invalid'] || undefined}
        aria-describedby={[inputProps['aria-describedby'], showError ? errorId : undefined].filter(Boolean).join(' ') || undefined}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          const day = parseShortDate(next);
          const nowImpossible = next.trim() !== '' && !day;
          if (nowImpossible !== impossible) onInvalidChange?.(nowImpossible);
          if (next.trim() === '') {
            setShownFor({ value: '', locale });
            onChange('');
          } else if (day) {
            setShownFor({ value: isoDay(day), locale });
            onChange(isoDay(day));
          }
        }}
        onBlur={(event) => {
          setTouched(true);
          // "1.2.2026" or a pasted "2026-02-01" settles into the field's own form.
          if (parsed) setText(formatShortDate(parsed, locale));
          onBlur?.(event);
        }}
      />
      {showError && (
        <span role="alert" className="field-error" id={errorId} data-testid={inputProps['data-testid'] ? `${inputProps['data-testid']}-error` : undefined}>
          {t('dateField.invalid', { pattern: shortDatePattern(locale), example })}
        </span>
      )}
    </>
  );
}
