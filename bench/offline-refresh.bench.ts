/**
 * The offline copy's full refresh in the web twin (Settings → Refresh from the catalogue) against the sandbox:
 * base schema, every category's extended schema, every dictionary they name, stored in IndexedDB. Each run uses
 * a fresh browser context (empty database), timed from the click until the panel says `done`.
 *
 * Baseline in the same run, in the same page: a plain `fetch` loop over exactly the URLs the refresh asked for
 * (same key header), one after another, reading each body and nothing else: no parsing, no validation, no
 * IndexedDB. It is what downloading those answers costs a bare client.
 */
import { chromium, type Request } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.ts';
import { report } from './report.ts';
import { serveWebTwin } from './web-twin-server.ts';

const runs = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const site = await serveWebTwin();
const config = (await (await fetch(new URL('web-twin.json', site.url))).json()) as { portalBaseUrl: string; apiKey?: string };
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });

const refresh: number[] = [];
const bare: number[] = [];
let calls = 0;
let items = '';
try {
  for (let run = 0; run < runs; run += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const asked: string[] = [];
    const onRequest = (request: Request) => {
      if (request.url().startsWith(config.portalBaseUrl) && request.method() === 'GET') asked.push(request.url());
    };
    await page.goto(`${site.url}#/settings`);
    const button = page.getByTestId('refresh-dictionaries');
    await button.waitFor({ state: 'visible' });
    page.on('request', onRequest);
    const start = performance.now();
    await button.click();
    await page.locator('[data-testid="dictionaries-panel"][data-refresh-state="done"], [data-testid="dictionaries-panel"][data-refresh-state="failed"]').waitFor({ timeout: 120_000 });
    const ms = performance.now() - start;
    page.off('request', onRequest);
    if ((await page.getByTestId('dictionaries-panel').getAttribute('data-refresh-state')) !== 'done') {
      throw new Error(`refresh failed: ${await page.getByTestId('refresh-error').innerText()}`);
    }
    refresh.push(ms);
    calls = asked.length;
    items = (await page.getByTestId('dictionaries').innerText()).replace(/\s+/gu, ' ');

    const bareStart = performance.now();
    await page.evaluate(
      async ({ urls, apiKey }) => {
        for (const url of urls) await (await fetch(url, { headers: { 'X-API-KEY': apiKey } })).text();
      },
      { urls: asked, apiKey: config.apiKey ?? '' },
    );
    bare.push(performance.now() - bareStart);
    await context.close();
  }
} finally {
  await browser.close();
  await site.close();
}

report({
  name: 'offline-refresh-full-sandbox',
  value: Math.round(median(refresh)),
  unit: 'ms',
  n: runs,
  baseline: { name: 'bare-fetch-loop-same-urls', value: Math.round(median(bare)), unit: 'ms' },
  notes: `median of ${runs} fresh browser contexts; ${calls} catalogue calls (6 at a time), parsed, validated and stored in IndexedDB; stored: ${items.slice(0, 160)}`,
});
