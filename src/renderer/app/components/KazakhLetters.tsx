import { useTranslation } from 'react-i18next';

/** The nine letters of Kazakh that Russian keyboards lack. */
export const kazakhLetters = ['Ә', 'Ғ', 'Қ', 'Ң', 'Ө', 'Ұ', 'Ү', 'Һ', 'І'] as const;

/**
 * Inserts a Kazakh letter at the caret of the given input, as typing would (so React's onChange fires).
 * Hold Shift for the capital letter; the default is lower case, as in running text.
 */
export function KazakhLetters({ target }: { target: () => HTMLInputElement | HTMLTextAreaElement | null }) {
  const { t } = useTranslation();
  const insert = (letter: string) => {
    const field = target();
    if (!field) return;
    field.focus();
    const start = field.selectionStart ?? field.value.length;
    const end = field.selectionEnd ?? start;
    field.setRangeText(letter, start, end, 'end');
    field.dispatchEvent(new Event('input', { bubbles: true }));
  };
  return (
    <div className="kazakh-letters" role="toolbar" aria-label={t('ui.kazakhLetters.label')} lang="kk">
      {kazakhLetters.map((letter) => (
        <button
          key={letter}
          type="button"
          title={t('ui.kazakhLetters.insert', { letter })}
          onMouseDown={(event) => event.preventDefault() /* keep the caret in the field */}
          onClick={(event) => insert(event.shiftKey ? letter : letter.toLocaleLowerCase('kk'))}
        >
          {letter}
        </button>
      ))}
    </div>
  );
}
