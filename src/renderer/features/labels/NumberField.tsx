import { useFieldText } from './use-field-text.ts';

interface NumberFieldProps {
  label: string;
  value: number;
  onCommit: (value: number) => void;
  step?: number;
  min?: number;
  max?: number;
  /** Whole numbers only. */
  integer?: boolean;
  testId?: string;
}

/** Stores every complete, in-range number as it is typed ("-0.5" passes through "-" and "-0." unstored). */
export function NumberField({ label, value, onCommit, step, min, max, integer = false, testId }: NumberFieldProps) {
  const { text, setText, focusHandlers } = useFieldText(String(value));
  const accept = (raw: string): number | null => {
    const parsed = raw.trim() === '' ? Number.NaN : Number(raw);
    const ok = Number.isFinite(parsed) && (!integer || Number.isInteger(parsed)) && (min === undefined || parsed >= min) && (max === undefined || parsed <= max);
    return ok ? parsed : null;
  };
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="number"
        step={step}
        min={min}
        max={max}
        value={text}
        aria-invalid={accept(text) === null}
        {...focusHandlers}
        onChange={(event) => {
          setText(event.target.value);
          const next = accept(event.target.value);
          if (next !== null) onCommit(next);
        }}
        data-testid={testId}
      />
    </label>
  );
}
