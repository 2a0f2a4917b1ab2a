import { useEffect, useLayoutEffect, useRef } from 'react';

/** A pause longer than this drops the characters collected so far (stray keys), so a scan starts clean. */
const MAX_GAP_MS = 500;
const MIN_LENGTH = 6;

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset', 'file'].includes(target.type);
}

/**
 * A keyboard-wedge scanner types a code's characters in a fast burst and then Enter. While the Inspection screen
 * is shown, bursts typed with the focus anywhere but a text field are collected here, one code per Enter, in
 * order: codes arriving faster than they are looked up queue up, none lost and none merged. (In a text field the
 * field itself receives the scan: the code field checks it on Enter.)
 */
export function useWedgeScanner(onCode: (code: string) => void): void {
  const latest = useRef(onCode);
  useLayoutEffect(() => {
    latest.current = onCode;
  });
  useEffect(() => {
    let buffer = '';
    let lastAt = 0;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey || isTextField(event.target)) return;
      const now = performance.now();
      if (now - lastAt > MAX_GAP_MS) buffer = '';
      lastAt = now;
      if (event.key === 'Enter') {
        const code = buffer;
        buffer = '';
        if (code.length >= MIN_LENGTH) {
          event.preventDefault();
          latest.current(code);
        }
        return;
      }
      if (event.key.length === 1) {
        buffer += event.key;
        // A focused button must not act on a scanned character (Space, say).
        if (buffer.length > 1) event.preventDefault();
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
