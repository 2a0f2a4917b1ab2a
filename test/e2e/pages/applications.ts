import { expect, type Locator, type Page } from '@playwright/test';
import type { AppShell } from './app-shell.ts';

/** Page objects of the applications list and the editor. Field ids follow `field-<attribute code>`. */
export class ApplicationsPage {
  constructor(readonly shell: AppShell) {}

  get page(): Page {
    return this.shell.page;
  }

  /**
   * The catalogue's forms on this computer: the first launch's own download when it ran, else one asked for here;
   * either way, waits until the refresh says it is done (on that state, with room for a busy machine), and a
   * failed refresh fails at once with its message. A test that needs a download under its own routes keeps the
   * catalogue away at launch.
   */
  async refreshDictionaries(): Promise<void> {
    await this.shell.open('settings');
    const panel = this.page.getByTestId('dictionaries-panel');
    // The launch's decision is known once its own download (if it started one) has ended.
    const frameStatus = this.page.getByTestId('refresh-status');
    await expect(frameStatus).toHaveAttribute('data-launch', /.+/u, { timeout: 60_000 });
    const launchDownloaded = (await frameStatus.getAttribute('data-launch')) === 'start' && (await frameStatus.getAttribute('data-refresh-state')) === 'done';
    if (!launchDownloaded) await this.page.getByTestId('refresh-dictionaries').click();
    await expect(panel).toHaveAttribute('data-refresh-state', /^(done|failed)$/, { timeout: 60_000 });
    await expect(this.page.getByTestId('refresh-error')).toHaveCount(0);
    await expect(panel).toHaveAttribute('data-refresh-state', 'done');
    await expect(this.page.getByTestId('dictionary-count-OKTRU')).toHaveText(/^[1-9]/);
    await expect(this.page.getByTestId('refresh-dictionaries')).toBeEnabled();
  }

  async createApplication(): Promise<Editor> {
    await this.shell.open('applications');
    await this.page.getByTestId('new-application').click();
    const editor = new Editor(this.page);
    await expect(editor.field('name_ru')).toBeVisible();
    return editor;
  }
}

export class Editor {
  constructor(readonly page: Page) {}

  field(code: string): Locator {
    return this.page.locator(`#field-${code}`);
  }

  async type(code: string, text: string): Promise<void> {
    await this.field(code).fill(text);
  }

  /** Types into a dictionary picker and chooses the first option whose text contains `optionText`. */
  async pick(code: string, query: string, optionText: string | RegExp): Promise<void> {
    const input = code === 'oktru' ? this.page.locator('#field-oktru input[role="combobox"]') : this.page.locator(`#field-${code}, #field-${code} input[role="combobox"]`).last();
    await input.click();
    await input.fill(query);
    await this.page.getByRole('option').filter({ hasText: optionText }).first().click();
  }

  async waitSaved(): Promise<void> {
    await expect(this.page.getByTestId('save-state')).toHaveText(/saved|сохранено|сақталды/i);
  }

  problems(): Locator {
    return this.page.getByTestId('problems').locator('li');
  }

  problemFor(field: string): Locator {
    return this.page.getByTestId('problems').locator(`li[data-field="${field}"]`);
  }
}
