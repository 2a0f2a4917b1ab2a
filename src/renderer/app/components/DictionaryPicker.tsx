import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDictionaryItem, useDictionarySearch } from '../../db/hooks.ts';
import type { DictionaryItemRecord } from '../../db/records.ts';

export function itemLabel(item: Pick<DictionaryItemRecord, 'code' | 'nameKk' | 'nameRu'>, language: string): string {
  const name = language === 'kk' ? item.nameKk || item.nameRu : item.nameRu || item.nameKk;
  return name ? `${item.code} — ${name}` : item.code;
}

/**
 * Search-as-you-type over a downloaded dictionary (code prefix or words in Kazakh or Russian).
 * `leavesOnly` keeps tree dictionaries such as ОКТРУ to their selectable last level.
 */
export function DictionaryPicker(props: {
  dictionary: string;
  value: string;
  onChange: (code: string) => void;
  id?: string;
  leavesOnly?: boolean;
  disabled?: boolean;
  invalid?: boolean;
  label: string;
}) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const listId = useId();
  const selected = useDictionaryItem(props.dictionary, props.value);
  const results = useDictionarySearch(props.dictionary, query, { enabled: open, leavesOnly: props.leavesOnly, limit: 30 });

  return (
    <div className="picker">
      <input
        id={props.id}
        role="combobox"
        aria-label={props.label}
        aria-expanded={open}
        aria-controls={listId}
        aria-invalid={props.invalid || undefined}
        disabled={props.disabled}
        value={open ? query : selected ? itemLabel(selected, i18n.language) : props.value}
        placeholder={t('ui.picker.search')}
        onFocus={() => {
          setQuery('');
          setOpen(true);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onChange={(event) => setQuery(event.target.value)}
      />
      {open && (
        <ul id={listId} role="listbox" className="picker-results">
          {(results ?? []).map((item) => (
            <li
              key={item.code}
              role="option"
              aria-selected={item.code === props.value}
              onMouseDown={(event) => {
                event.preventDefault();
                props.onChange(item.code);
                setOpen(false);
              }}
            >
              {itemLabel(item, i18n.language)}
            </li>
          ))}
          {results?.length === 0 && <li className="picker-empty">{t('ui.picker.nothing')}</li>}
        </ul>
      )}
    </div>
  );
}
