import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appDatabase } from '../../db/database.ts';
import type { DictionaryItemRecord } from '../../db/records.ts';
import { searchDictionary } from './search.ts';

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
  const db = appDatabase();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const listId = useId();
  const selected = useLiveQuery(() => (props.value ? db.dictionaryItems.get([props.dictionary, props.value]) : undefined), [db, props.dictionary, props.value]);
  const results = useLiveQuery(
    async () => (open ? (await searchDictionary(db, props.dictionary, query, 60)).filter((item) => !props.leavesOnly || !item.hasChild).slice(0, 30) : []),
    [db, props.dictionary, query, open, props.leavesOnly],
  );

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
