import type { i18n } from 'i18next';
import { createElement, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DateField } from '../../src/renderer/app/components/DateField.tsx';
import { createI18n } from '../../src/renderer/app/i18n.ts';

let root: Root | undefined;
afterEach(() => {
  root?.unmount();
  root = undefined;
  document.body.replaceChildren();
  localStorage.removeItem('ncg.language');
});

interface Harness {
  input: HTMLInputElement;
  stored: () => string;
  setStored: (value: string) => void;
  i18n: i18n;
  container: HTMLElement;
}

/** A DateField in a form that keeps what it reports, as the document form and the editor do. */
async function mount(language: 'kk' | 'ru' | 'en', initial: string): Promise<Harness> {
  localStorage.setItem('ncg.language', language);
  const instance = await createI18n();
  const container = document.createElement('div');
  document.body.append(container);
  let stored = initial;
  let setOutside: (value: string) => void = () => undefined;
  function Form() {
    const [value, setValue] = useState(initial);
    setOutside = setValue;
    return createElement(DateField, {
      value,
      onChange: (next: string) => {
        stored = next;
        setValue(next);
      },
      'data-testid': 'date',
    });
  }
  root = createRoot(container);
  root.render(createElement(Form));
  await vi.waitFor(() => expect(container.querySelector('input')).not.toBeNull());
  return { input: container.querySelector('input')!, stored: () => stored, setStored: (value) => setOutside(value), i18n: instance, container };
}

async function type(input: HTMLInputElement, text: string): Promise<void> {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, text);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await vi.waitFor(() => expect(input.value).toBe(text));
}

function leave(input: HTMLInputElement): void {
  input.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
}

describe('DateField', () => {
  it('shows the stored ISO day in the UI language and stores what is typed as ISO', async () => {
    const field = await mount('kk', '2026-11-28');
    expect(field.input.value).toBe('28.11.2026');
    expect(field.input.placeholder).toBe('КК.АА.ЖЖЖЖ');
    await type(field.input, '1.2.2024');
    expect(field.stored()).toBe('2024-02-01');
    leave(field.input);
    await vi.waitFor(() => expect(field.input.value).toBe('01.02.2024'));
    // A pasted ISO day is read too.
    await type(field.input, '2025-12-31');
    expect(field.stored()).toBe('2025-12-31');
    await type(field.input, '');
    expect(field.stored()).toBe('');
  });

  it('keeps an impossible day as typed, with a translated error, and leaves the stored value alone', async () => {
    const field = await mount('ru', '2026-11-28');
    await type(field.input, '31.02.2026');
    expect(field.container.querySelector('[role="alert"]')).toBeNull(); // not while still typing
    leave(field.input);
    const error = await vi.waitFor(() => {
      const shown = field.container.querySelector('[data-testid="date-error"]');
      expect(shown).not.toBeNull();
      return shown!;
    });
    expect(error.textContent).toContain('Это не дата');
    expect(error.textContent).toContain('ДД.ММ.ГГГГ');
    expect(field.input.getAttribute('aria-invalid')).toBe('true');
    expect(field.input.getAttribute('aria-describedby')).toBe(error.id);
    expect(field.stored()).toBe('2026-11-28');
    // Switching language neither loses the text nor leaves the error in the old language.
    await field.i18n.changeLanguage('en');
    await vi.waitFor(() => expect(field.container.querySelector('[data-testid="date-error"]')?.textContent).toContain('Not a date'));
    expect(field.input.value).toBe('31.02.2026');
  });

  it('follows the language and values set from outside', async () => {
    const field = await mount('kk', '2026-11-28');
    await field.i18n.changeLanguage('en');
    await vi.waitFor(() => expect(field.input.value).toBe('28/11/2026'));
    expect(field.input.placeholder).toBe('DD/MM/YYYY');
    field.setStored('2027-01-05');
    await vi.waitFor(() => expect(field.input.value).toBe('05/01/2027'));
    // Typed loosely, the day is stored at once and the text settles when the field is left.
    await type(field.input, '7/3/2027');
    expect(field.stored()).toBe('2027-03-07');
    expect(field.input.value).toBe('7/3/2027');
    leave(field.input);
    await vi.waitFor(() => expect(field.input.value).toBe('07/03/2027'));
  });
});
