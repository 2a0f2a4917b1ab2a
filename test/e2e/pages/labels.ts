import { expect, type Download, type Locator, type Page } from '@playwright/test';
import type { AppShell } from './app-shell.ts';

/** Page object of the print queue (`#/labels`). Steps find controls by test id, so they work in every language. */
export class LabelsQueuePage {
  readonly scanInput: Locator;
  readonly candidates: Locator;
  readonly copies: Locator;
  readonly addButton: Locator;
  readonly scanRefusal: Locator;
  readonly scanAdded: Locator;
  readonly entries: Locator;
  readonly template: Locator;
  readonly renderStatus: Locator;
  readonly previewPages: Locator;
  readonly outputMessage: Locator;
  readonly customTemplates: Locator;
  readonly customTemplateMessage: Locator;
  readonly customTemplateEntries: Locator;

  constructor(readonly shell: AppShell) {
    const page = shell.page;
    this.scanInput = page.getByTestId('label-scan');
    this.candidates = page.getByTestId('label-candidate');
    this.copies = page.getByTestId('label-copies');
    this.addButton = page.getByTestId('label-add');
    this.scanRefusal = page.getByTestId('scan-refusal');
    this.scanAdded = page.getByTestId('scan-added');
    this.entries = page.getByTestId('queue-entry');
    this.template = page.getByTestId('label-template');
    this.renderStatus = page.getByTestId('render-status');
    this.previewPages = page.getByTestId('preview-page');
    this.outputMessage = page.getByTestId('output-message');
    this.customTemplates = page.getByTestId('custom-templates');
    this.customTemplateMessage = page.getByTestId('custom-template-message');
    this.customTemplateEntries = page.getByTestId('custom-template-entry');
  }

  get page(): Page {
    return this.shell.page;
  }

  /** Opens the page from the navigation (unless it is showing already); the scan field has the focus. */
  async open(): Promise<void> {
    // Clicking the link of the page already shown would move the focus to the link.
    if (!new URL(this.page.url()).hash.startsWith('#/labels')) await this.shell.open('labels');
    await expect(this.scanInput).toBeFocused();
  }

  /**
   * Types the code and Enter into whatever has the focus, as a keyboard-wedge scanner does; so the step also
   * proves that the scan field kept the focus.
   */
  async scan(code: string): Promise<void> {
    await expect(this.scanInput).toBeFocused();
    await this.page.keyboard.type(code);
    await this.page.keyboard.press('Enter');
  }

  /** The found product whose text contains `text` (a name or a code). */
  candidate(text: string): Locator {
    return this.candidates.filter({ hasText: text });
  }

  async addSelected(copies: number): Promise<void> {
    await this.copies.fill(String(copies));
    await this.addButton.click();
    await expect(this.scanAdded).toBeVisible();
    await expect(this.scanInput).toBeFocused();
  }

  entry(code: string): Locator {
    return this.page.locator(`[data-testid="queue-entry"][data-code="${code}"]`);
  }

  async chooseTemplate(id: string): Promise<void> {
    await this.template.selectOption(id);
    await this.waitRendered();
  }

  /**
   * Fills the custom template form (opening it if needed) and saves. Figures are keyed by their test id
   * suffix (`columns`, `labelWidthMm`, …); fields not given keep what the form shows.
   */
  async defineTemplate(name: string, figures: Readonly<Record<string, number>>): Promise<void> {
    if (!(await this.customTemplates.evaluate((details: HTMLDetailsElement) => details.open))) {
      await this.customTemplates.locator('summary').click();
    }
    await this.page.getByTestId('custom-template-name').fill(name);
    for (const [field, value] of Object.entries(figures)) await this.page.getByTestId(`custom-template-${field}`).fill(String(value));
    await this.page.getByTestId('custom-template-save').click();
    await expect(this.customTemplateMessage).toBeVisible();
  }

  async waitRendered(): Promise<void> {
    await expect(this.renderStatus).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  }

  async savePdf(): Promise<Download> {
    await this.waitRendered();
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('save-pdf').click();
    return download;
  }
}
