import { useEffect, useLayoutEffect, useRef } from 'react';
import { WedgeReader } from '../../../shared/inspection/wedge-timing.ts';
import { prepareSound } from './sound.ts';

/** Input types that take typed text (the rest are buttons, boxes and pickers). */
const textInputTypes = new Set(['text', 'search', 'number', 'tel', 'email', 'url', 'password']);

/** The field that takes what is typed at `target`, if it is one. */
function textFieldOf(target: EventTarget | null): HTMLInputElement | HTMLTextAreaElement | HTMLElement | undefined {
  if (!(target instanceof HTMLElement)) return undefined;
  if (target instanceof HTMLTextAreaElement || target.isContentEditable) return target;
  return target instanceof HTMLInputElement && textInputTypes.has(target.type) && !target.readOnly ? target : undefined;
}

const setInputValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;

/**
 * Gives characters held back from a person's typing to the field they were typed in, as if typed: the field's own
 * editing when it still has the focus (caret, selection, undo and React's onChange as usual), otherwise set at the
 * caret (or at the end where the field has none, as number fields) with an input event.
 */
function giveBack(field: HTMLElement | undefined, text: string | undefined): void {
  if (!field || !text || !field.isConnected) return;
  // execCommand is the one standard way to type into the focused field as the user would (it keeps the undo history).
  if (document.activeElement === field && document.execCommand('insertText', false, text)) return;
  if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) {
    try {
      field.setRangeText(text, field.selectionStart ?? field.value.length, field.selectionEnd ?? field.value.length, 'end');
    } catch {
      // Fields without a caret (number): through the element's own setter, so React sees a changed value.
      if (field instanceof HTMLInputElement && setInputValue) setInputValue.call(field, field.value + text);
      else field.value += text;
    }
  } else {
    field.append(text);
  }
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
}

/**
 * Takes `text` out of the field again, where the page itself just put it (right before the caret, or at the end of
 * a field without a caret); leaves the field alone when the person has changed it since.
 */
function takeBack(field: HTMLElement | undefined, text: string | undefined): void {
  if (!text || !(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) || !field.isConnected) return;
  let end: number | null = null;
  try {
    end = field.selectionStart === field.selectionEnd ? field.selectionEnd : null;
  } catch {
    // Fields without a caret (number): the text was added at the end.
  }
  const at = end ?? field.value.length;
  if (at < text.length || field.value.slice(at - text.length, at) !== text) return;
  if (end !== null && document.activeElement === field) {
    field.setSelectionRange(at - text.length, at);
    if (document.execCommand('delete')) return;
  }
  const value = field.value.slice(0, at - text.length) + field.value.slice(at);
  if (field instanceof HTMLInputElement && setInputValue) setInputValue.call(field, value);
  else field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'deleteContentBackward' }));
}

/**
 * A keyboard-wedge scanner types a code's characters in a fast burst and then Enter. While the Inspection screen
 * is shown, bursts are read wherever the focus is, one code per Enter, in order: codes arriving faster than they
 * are looked up queue up, none lost and none merged. With the focus in a text field (a note, a quantity, the code
 * field) a burst is told from typing by its speed (shared/inspection/wedge-timing.ts) and never reaches the field;
 * what the person types there reaches it unchanged.
 */
export function useWedgeScanner(onCode: (code: string) => void): void {
  const latest = useRef(onCode);
  useLayoutEffect(() => {
    latest.current = onCode;
  });
  useEffect(() => {
    const reader = new WedgeReader();
    let heldIn: HTMLElement | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Key events carry the time they were typed; a busy page handles them later. The silence that gives held
    // characters back is counted from when the last key was handled, so keys still waiting behind a long task are
    // not taken for a pause.
    let lastKeyAt = 0;
    let lastHandledAt = 0;
    const armTimer = () => {
      clearTimeout(timer);
      const due = reader.releaseAt;
      if (due === undefined) return;
      timer = setTimeout(() => {
        giveBack(heldIn, reader.expire(lastKeyAt + (performance.now() - lastHandledAt)));
        armTimer();
      }, Math.max(0, due - lastKeyAt) + 1);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      lastKeyAt = event.timeStamp;
      lastHandledAt = performance.now();
      const field = textFieldOf(event.target);
      const step = reader.key({
        key: event.key,
        at: event.timeStamp,
        inTextField: field !== undefined,
        shortcut: event.ctrlKey || event.altKey || event.metaKey,
        repeat: event.repeat,
        composing: event.isComposing,
      });
      takeBack(heldIn, step.reclaim);
      giveBack(heldIn, step.release);
      if (step.action === 'take') {
        event.preventDefault();
        if (field) heldIn = field;
      } else if (step.action === 'scan' && step.code) {
        event.preventDefault();
        latest.current(step.code);
      }
      armTimer();
    };
    // The focus is about to move (a click) or has moved: what the person typed goes to the field it was typed in.
    const flush = () => {
      giveBack(heldIn, reader.flush());
      armTimer();
    };
    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('pointerdown', flush, true);
    window.addEventListener('focusout', flush, true);
    // Audio starts only after a gesture: open it on the first one, before any verdict waits for it.
    window.addEventListener('keydown', prepareSound, { capture: true, once: true });
    window.addEventListener('pointerdown', prepareSound, { capture: true, once: true });
    return () => {
      flush();
      clearTimeout(timer);
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('pointerdown', flush, true);
      window.removeEventListener('focusout', flush, true);
      window.removeEventListener('keydown', prepareSound, true);
      window.removeEventListener('pointerdown', prepareSound, true);
    };
  }, []);
}
