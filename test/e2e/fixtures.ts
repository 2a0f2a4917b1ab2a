import { _electron, test as base, type Page } from '@playwright/test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppShell } from './pages/app-shell.ts';

export interface ShellOptions {
  shell: 'web' | 'electron';
  electronPath: string | undefined;
}

/**
 * One set of specs for both shells: `appPage` is the web twin in Chromium or the Electron window, each with a
 * fresh data folder, and `shell` wraps it in page objects.
 */
export const test = base.extend<ShellOptions & { appPage: Page; app: AppShell }>({
  shell: ['web', { option: true }],
  electronPath: [undefined, { option: true }],
  appPage: async ({ shell, electronPath, page }, use) => {
    if (shell === 'web') {
      await page.goto('./');
      await use(page);
      return;
    }
    const userData = await mkdtemp(join(tmpdir(), 'ncg-e2e-'));
    const electronApp = await _electron.launch({
      executablePath: electronPath,
      args: [join(import.meta.dirname, '../../out/main/index.js'), `--user-data-dir=${userData}`],
    });
    const window = await electronApp.firstWindow();
    await use(window);
    await electronApp.close();
  },
  app: async ({ appPage }, use) => {
    await use(new AppShell(appPage));
  },
});

export { expect } from '@playwright/test';
