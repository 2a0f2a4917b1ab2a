import { useEffect, useLayoutEffect, useRef } from 'react';
import { SelectTypeAhead } from '../../../shared/inspection/select-type-ahead.ts';
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

/** The drop-down list whose type-ahead takes what is typed at `target`, if it is one. */
function selectOf(target: EventTarget | null): HTMLSelectElement | undefined {
  return target instanceof HTMLSelectElement && !target.disabled ? target : undefined;
}

function announceChoice(select: HTMLSelectElement): void {
  select.dispatchEvent(new Event('input', { bubbles: true }));
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * Plays characters held back from a person's typing on a drop-down list through its type-ahead, as the browser
 * would have (typed at `at`), with the input and change events React listens to. Returns how to undo it, for
 * characters the timer gave back too early that turn out to be a scanner's.
 */
function playTypeAhead(select: HTMLSelectElement, text: string | undefined, at: number, search: SelectTypeAhead): (() => void) | undefined {
  if (!text || !select.isConnected) return undefined;
  const restoreSearch = search.save();
  const before = select.selectedIndex;
  const options = [...select.options].map((option) => (option.matches(':disabled') ? undefined : option.label));
  let chosen = before;
  for (const character of text) chosen = search.type(character, at, options, chosen) ?? chosen;
  if (chosen !== before) {
    select.selectedIndex = chosen;
    announceChoice(select);
  }
  return () => {
    restoreSearch();
    if (chosen === before || select.selectedIndex !== chosen || !select.isConnected) return;
    select.selectedIndex = before;
    announceChoice(select);
  };
}

/**
 * A keyboard-wedge scanner types a code's characters in a fast burst and then Enter. While the Inspection screen
 * is shown, bursts are read wherever the focus is, one code per Enter, in order: codes arriving faster than they
 * are looked up queue up, none lost and none merged. With the focus in a text field (a note, a quantity, the code
 * field) or on a drop-down list, a burst is told from typing by its speed (shared/inspection/wedge-timing.ts) and
 * never reaches the field or the list; what the person types there reaches it unchanged.
 *
 * A list cannot be given characters back (no script can type into it), so what a person typed on one is played
 * through its type-ahead here (shared/inspection/select-type-ahead.ts, Chromium's rule). Letting the keys through
 * instead would let a burst's first characters change the list's value before the burst is known to be one, and
 * its change handlers run (a saved field, a camera switched) before the value could be put back.
 */
export function useWedgeScanner(onCode: (code: string) => void): void {
  const latest = useRef(onCode);
  useLayoutEffect(() => {
    latest.current = onCode;
  });
  useEffect(() => {
    const reader = new WedgeReader();
    let heldIn: HTMLElement | undefined;
    // When the last character held back was typed: a list's type-ahead counts its pauses from there.
    let heldAt = 0;
    const searches = new WeakMap<HTMLSelectElement, SelectTypeAhead>();
    const searchOf = (select: HTMLSelectElement) => {
      let search = searches.get(select);
      if (!search) searches.set(select, (search = new SelectTypeAhead()));
      return search;
    };
    // The last characters played on a list, to undo when they must be reclaimed.
    let undoPlayed: (() => void) | undefined;
    const release = (text: string | undefined) => {
      if (heldIn instanceof HTMLSelectElement) undoPlayed = playTypeAhead(heldIn, text, heldAt, searchOf(heldIn));
      else giveBack(heldIn, text);
    };
    const reclaim = (text: string | undefined) => {
      if (!(heldIn instanceof HTMLSelectElement)) return takeBack(heldIn, text);
      if (text) undoPlayed?.();
      undoPlayed = undefined;
    };
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
        release(reader.expire(lastKeyAt + (performance.now() - lastHandledAt)));
        armTimer();
      }, Math.max(0, due - lastKeyAt) + 1);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      lastKeyAt = event.timeStamp;
      lastHandledAt = performance.now();
      const select = selectOf(event.target);
      // Space on a list opens it, unless a type-ahead search is under way (or held back): then it searches on.
      const opensList = select !== undefined && event.key === ' ' && reader.releaseAt === undefined && !searchOf(select).active(event.timeStamp);
      const holder = textFieldOf(event.target) ?? (opensList ? undefined : select);
      const step = reader.key({
        key: event.key,
        at: event.timeStamp,
        inTextField: holder !== undefined,
        shortcut: event.ctrlKey || event.altKey || event.metaKey,
        repeat: event.repeat,
        composing: event.isComposing,
      });
      reclaim(step.reclaim);
      release(step.release);
      if (step.action === 'take') {
        event.preventDefault();
        if (holder) {
          heldIn = holder;
          heldAt = event.timeStamp;
        }
      } else if (step.action === 'scan' && step.code) {
        event.preventDefault();
        latest.current(step.code);
      }
      armTimer();
    };
    // The focus is about to move (a click) or has moved: what the person typed goes to the field it was typed in.
    const flush = () => {
      release(reader.flush());
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
