import { useEffect, type RefObject } from 'react';

const nonTextInputs = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color', 'image']);

/** True for fields where a typed digit belongs (copies, calibration, a select's type-ahead, the scan field). */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !nonTextInputs.has(target.type);
  return target.isContentEditable || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement;
}

/**
 * A scanner "types" wherever the focus is. After a click on a button or a link the focus is there, and the
 * scan would be lost (or its Enter would press the button): a digit typed outside any field moves the focus
 * back to the scan field first, and Chromium delivers that keystroke to the newly focused field.
 */
export function useDigitsGoToScanField(scanRef: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey || !/^\d$/u.test(event.key) || isEditable(event.target)) return;
      const field = scanRef.current;
      if (!field) return;
      field.focus();
      field.select();
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [scanRef]);
}
