import { _electron, test as base, type Page } from '@playwright/test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppShell } from './pages/app-shell.ts';

export interface ShellOptions {
  shell: 'web' | 'electron';
  electronPath: string | undefined;
}

/** The sandbox catalogue's addresses (portal API under /gwp/, export API under /api/integration/), as routes see them. */
export const catalogueRoutes = /\/gwp\/|\/api\/integration\//u;

export interface LaunchOptions {
  /**
   * 'unreachable': the catalogue refuses every call from before the app loads (the page itself is served, as an
   * installed app is), so a first launch finds it away; `page.unroute(catalogueRoutes)` brings it back.
   */
  catalogueAtLaunch: 'reachable' | 'unreachable';
}

/**
 * One set of specs for both shells: `appPage` is the web twin in Chromium or the Electron window, each with a
 * fresh data folder, and `shell` wraps it in page objects.
 */
export const test = base.extend<ShellOptions & LaunchOptions & { appPage: Page; app: AppShell }>({
  shell: ['web', { option: true }],
  electronPath: [undefined, { option: true }],
  catalogueAtLaunch: ['reachable', { option: true }],
  appPage: async ({ shell, electronPath, page, catalogueAtLaunch }, use, testInfo) => {
    // In Electron the host calls the catalogue, out of the window's routes' reach.
    testInfo.skip(shell !== 'web' && catalogueAtLaunch === 'unreachable', 'an unreachable catalogue is made with page routes, in the web twin');
    if (shell === 'web') {
      if (catalogueAtLaunch === 'unreachable') await page.route(catalogueRoutes, (route) => route.abort('internetdisconnected'));
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
