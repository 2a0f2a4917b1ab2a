import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './scripts/chromium.ts';
import { findElectronBinary } from './scripts/electron-binary.ts';
import type { ShellOptions } from './test/e2e/fixtures.ts';

const webPort = Number(process.env.NCG_E2E_PORT ?? 5181);
const electron = findElectronBinary();
// Printed once, by the runner process (workers carry TEST_WORKER_INDEX).
if (!electron.available && process.env.TEST_WORKER_INDEX === undefined) {
  console.log(`e2e project "electron" skipped: ${electron.reason}; the same specs run in Debian's Chromium (project "web").`);
}

export default defineConfig<ShellOptions>({
  testDir: 'test/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: { trace: 'retain-on-failure' },
  webServer: {
    command: `node bin/ncg.mjs web --port ${webPort}`,
    url: `http://127.0.0.1:${webPort}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: 'ignore',
  },
  projects: [
    {
      name: 'web',
      use: {
        shell: 'web',
        baseURL: `http://127.0.0.1:${webPort}/`,
        browserName: 'chromium',
        launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
      },
    },
    ...(electron.available ? [{ name: 'electron', use: { shell: 'electron' as const, electronPath: electron.path } }] : []),
  ],
});
