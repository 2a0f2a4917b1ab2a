import { useState } from 'react';

/**
 * The text of an input whose value is stored in the database and read back through a live query. While the
 * user types, the field shows what they type: the stored value arrives a moment later, and possibly one
 * keystroke behind, so following it would eat characters and move the caret. When the field is not focused,
 * it follows the stored value (a reset button, another window, a repeated scan).
 */
export function useFieldText(stored: string): {
  text: string;
  setText: (text: string) => void;
  focusHandlers: { onFocus: () => void; onBlur: () => void };
} {
  const [text, setText] = useState(stored);
  const [shown, setShown] = useState(stored);
  const [focused, setFocused] = useState(false);
  if (!focused && stored !== shown) {
    setShown(stored);
    setText(stored);
  }
  return {
    text,
    setText,
    focusHandlers: {
      onFocus: () => setFocused(true),
      onBlur: () => {
        setFocused(false);
        // Leaving the field shows what was stored (an invalid entry is not kept silently on screen).
        setShown(stored);
        setText(stored);
      },
    },
  };
}
