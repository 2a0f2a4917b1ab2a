import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { chromiumArgs, findChromium } from './scripts/chromium.ts';

// The browser project needs Chromium; the Node-only unit project must load without it. So the browser
// project is declared only when Chromium is found, or when it is asked for by name and we must say why not.
const chromium = findChromium();
const browserAskedFor = process.argv.some((argument, index, all) => argument === '--project=browser' || (argument === '--project' && all[index + 1] === 'browser'));
if (!chromium && browserAskedFor) {
  throw new Error('The "browser" test project needs Chromium: install Debian\'s "chromium" package or set CHROMIUM_PATH.');
}

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      ...(chromium
        ? [
            {
              // Storage code runs against real IndexedDB in real Chromium, not a fake.
              define: { __APP_VERSION__: JSON.stringify('0.0.0-test') },
              test: {
                name: 'browser',
                include: ['test/browser/**/*.test.ts'],
                testTimeout: 30_000,
                browser: {
                  enabled: true,
                  headless: true,
                  provider: playwright({ launchOptions: { executablePath: chromium, args: chromiumArgs } }),
                  instances: [{ browser: 'chromium' as const }],
                },
              },
            },
          ]
        : []),
    ],
  },
});
