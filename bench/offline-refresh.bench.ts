/**
 * The offline copy's full refresh in the web twin (Settings → Refresh from the catalogue) against the sandbox:
 * base schema, every category's extended schema, every dictionary they name, stored in IndexedDB. Each run uses
 * a fresh browser context (empty database), timed from the click until the panel says `done`.
 *
 * Baseline in the same run, in the same page: a plain `fetch` loop over exactly the URLs the refresh asked for
 * (same key header), one after another, reading each body and nothing else: no parsing, no validation, no
 * IndexedDB. It is what downloading those answers costs a bare client.
 *
 * Two catalogues: the local sandbox as it is (answers in a few milliseconds, so the page's own work dominates),
 * and the sandbox answering each call 40 ms late, as a catalogue across a network would.
 */
import { chromium, type Browser, type Request } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.ts';
import type { FaultRule } from '../src/sandbox/faults.ts';
import { report } from './report.ts';
import { serveWebTwin } from './web-twin-server.ts';

const runs = 5;
const networkDelayMs = 40;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function measure(browser: Browser, faults: FaultRule[]) {
  const site = await serveWebTwin({}, { faults });
  const config = (await (await fetch(new URL('web-twin.json', site.url))).json()) as { portalBaseUrl: string; apiKey?: string };
  const refresh: number[] = [];
  const bare: number[] = [];
  let calls = 0;
  let stored = '';
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
      const panel = page.getByTestId('dictionaries-panel');
      await page.locator('[data-testid="dictionaries-panel"]:is([data-refresh-state="done"], [data-refresh-state="failed"])').waitFor({ timeout: 120_000 });
      const ms = performance.now() - start;
      page.off('request', onRequest);
      if ((await panel.getAttribute('data-refresh-state')) !== 'done') throw new Error(`refresh failed: ${await page.getByTestId('refresh-error').innerText()}`);
      refresh.push(ms);
      calls = asked.length;
      await page.getByTestId('dictionary-count-OKTRU').waitFor();
      stored = (await page.getByTestId('dictionaries').innerText()).replace(/\s+/gu, ' ');

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
    await site.close();
  }
  return { refresh: Math.round(median(refresh)), bare: Math.round(median(bare)), calls, stored };
}

const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
try {
  const local = await measure(browser, []);
  report({
    name: 'offline-refresh-full-sandbox',
    value: local.refresh,
    unit: 'ms',
    n: runs,
    baseline: { name: 'bare-fetch-loop-same-urls', value: local.bare, unit: 'ms' },
    notes: `median of ${runs} fresh browser contexts; ${local.calls} catalogue calls (6 at a time), parsed, validated and stored in IndexedDB; ${local.stored.slice(0, 140)}`,
  });
  const remote = await measure(browser, [{ kind: 'slow', delayMs: networkDelayMs }]);
  report({
    name: `offline-refresh-full-sandbox-${networkDelayMs}ms-per-call`,
    value: remote.refresh,
    unit: 'ms',
    n: runs,
    baseline: { name: 'bare-fetch-loop-same-urls', value: remote.bare, unit: 'ms' },
    notes: `the sandbox answers each call ${networkDelayMs} ms late, as a catalogue across a network; ${remote.calls} calls`,
  });
} finally {
  await browser.close();
}
