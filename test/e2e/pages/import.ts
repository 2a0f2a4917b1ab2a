import { expect, type Locator, type Page } from '@playwright/test';
import type { AppShell } from './app-shell.ts';

/** A file as the test hands it to the page: a name, a type and the bytes. */
export interface TestFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export type ImportOutcome = 'preview' | 'mapping' | 'failed';

/** Page object of the bulk import (`#/applications/import`) and of the list's export button. */
export class ImportPage {
  constructor(readonly shell: AppShell) {}

  get page(): Page {
    return this.shell.page;
  }

  /** From the applications list, through its import link: the way an officer gets there. */
  async open(): Promise<void> {
    await this.shell.open('applications');
    await this.page.locator('a[href="#/applications/import"]').click();
    await expect(this.page.getByTestId('import-file')).toBeAttached();
  }

  /** Chooses a file and waits until the page shows what comes next: the preview, the mapping step or a refusal. */
  async choose(file: TestFile, options: { timeout?: number } = {}): Promise<ImportOutcome> {
    await this.page.getByTestId('import-file').setInputFiles(file);
    return this.outcome(options.timeout);
  }

  /** Drops a file on the drop zone, as from a file manager. */
  async drop(file: TestFile): Promise<ImportOutcome> {
    const transfer = await this.page.evaluateHandle(({ name, mimeType, bytes }) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], name, { type: mimeType }));
      return data;
    }, { name: file.name, mimeType: file.mimeType, bytes: [...file.buffer] });
    await this.page.getByTestId('file-drop').dispatchEvent('drop', { dataTransfer: transfer });
    return this.outcome();
  }

  private async outcome(timeout = 30_000): Promise<ImportOutcome> {
    const preview = this.page.getByTestId('import-counts');
    const mapping = this.page.getByTestId('mapping');
    const failed = this.page.getByTestId('import-failed');
    await expect(preview.or(mapping).or(failed)).toBeVisible({ timeout });
    if (await failed.isVisible()) return 'failed';
    return (await mapping.isVisible()) ? 'mapping' : 'preview';
  }

  failure(): Locator {
    return this.page.getByTestId('import-failed');
  }

  mappingNote(): Locator {
    return this.page.getByTestId('mapping-note');
  }

  /** Maps the file's column (0-based) to a target: `a:<code>`, `p:<compound>.<part>`, `oktru`, `ignore`… */
  async mapColumn(column: number, target: string): Promise<void> {
    await this.page.getByTestId(`mapping-${String(column)}`).selectOption(target);
  }

  async confirmMapping(): Promise<void> {
    await this.page.getByTestId('mapping-confirm').click();
    await expect(this.page.getByTestId('import-counts')).toBeVisible({ timeout: 30_000 });
  }

  async counts(): Promise<{ rows: number; errors: number; warnings: number; clean: number }> {
    const read = async (id: string) => Number(await this.page.getByTestId(id).innerText());
    return { rows: await read('count-rows'), errors: await read('count-errors'), warnings: await read('count-warnings'), clean: await read('count-clean') };
  }

  /** The preview's row for a line of the file (header = 1); scrolls the virtualised list until it is rendered. */
  async row(line: number): Promise<Locator> {
    const body = this.page.getByTestId('preview-rows');
    const row = body.locator(`[data-row="${String(line)}"]`);
    for (let attempt = 0; attempt < 60 && (await row.count()) === 0; attempt += 1) {
      // Jump by the distance in rows times the rendered rows' mean height; lines may be skipped (blank lines), so repeat.
      const moved = await body.evaluate((element, target) => {
        const rendered = [...element.querySelectorAll<HTMLElement>('[data-row]')];
        if (rendered.length === 0) return false;
        const numbers = rendered.map((item) => Number(item.dataset.row));
        const middle = numbers[Math.floor(numbers.length / 2)] ?? target;
        const meanHeight = rendered.reduce((sum, item) => sum + item.offsetHeight, 0) / rendered.length;
        const before = element.scrollTop;
        element.scrollTop += (target - middle) * meanHeight;
        return element.scrollTop !== before;
      }, line);
      if (!moved) break;
      await this.page.waitForTimeout(20);
    }
    return row;
  }

  /** The message keys of a row's problems (locale-independent), e.g. `application.import.formula`. */
  async problemKeys(line: number): Promise<string[]> {
    const row = await this.row(line);
    return row.locator('[data-key]').evaluateAll((elements) => elements.map((element) => element.getAttribute('data-key') ?? ''));
  }

  fileProblems(): Locator {
    return this.page.getByTestId('file-problems');
  }

  /** Imports the rows (only those without errors, or all) and waits for the summary. */
  async importRows(which: 'valid' | 'all', options: { timeout?: number } = {}): Promise<string> {
    await this.page.getByTestId(which === 'valid' ? 'import-only-valid' : 'import-all').check();
    await this.page.getByTestId('import-start').click();
    const done = this.page.getByTestId('import-done');
    await expect(done).toBeVisible({ timeout: options.timeout ?? 30_000 });
    return done.getByRole('status').innerText();
  }

  async openList(): Promise<void> {
    await this.page.getByTestId('import-open-list').click();
    await expect(this.page.getByTestId('applications-list')).toBeVisible();
  }

  /** The applications list's "shown of total" in English (thousands grouped: "1,234 of 10,000"). */
  async listCounts(): Promise<{ shown: number; total: number }> {
    const text = await this.page.getByTestId('list-count').innerText();
    const [shown = Number.NaN, total = Number.NaN] = (text.match(/\d[\d,]*/g) ?? []).map((figure) => Number(figure.replaceAll(',', '')));
    return { shown, total };
  }
}
