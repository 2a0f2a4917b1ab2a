/**
 * Cold start of the web twin in Chromium: a new browser process per run (empty cache) until the first
 * interactive screen (navigation and language switch usable). Baseline in the same run: the same browser
 * loading a one-line static page from the same server, the floor no app can beat.
 */
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.ts';
import { report } from './report.ts';
import { serveWebTwin } from './web-twin-server.ts';

const runs = 5;
const site = await serveWebTwin({
  '/blank.html': { body: '<!doctype html><title>blank</title><p id="ready">ready</p>', contentType: 'text/html' },
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function coldLoad(url: string, ready: string): Promise<{ ms: number; scriptBytes: number }> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  try {
    const page = await browser.newPage();
    const scripts: Promise<number>[] = [];
    page.on('requestfinished', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.sizes().then((sizes) => sizes.responseBodySize));
    });
    const start = performance.now();
    await page.goto(url);
    await page.locator(ready).first().waitFor({ state: 'visible' });
    const ms = performance.now() - start;
    const scriptBytes = (await Promise.all(scripts)).reduce((sum, size) => sum + size, 0);
    return { ms, scriptBytes };
  } finally {
    await browser.close();
  }
}

const app: number[] = [];
const blank: number[] = [];
let scriptBytes = 0;
for (let run = 0; run < runs; run += 1) {
  blank.push((await coldLoad(`${site.url}blank.html`, '#ready')).ms);
  const result = await coldLoad(site.url, 'nav a');
  app.push(result.ms);
  scriptBytes = result.scriptBytes;
}

const blankMedian = Math.round(median(blank));
report({
  name: 'web-twin-cold-start-to-interactive',
  value: Math.round(median(app)),
  unit: 'ms',
  n: runs,
  baseline: { name: 'blank-static-page-cold-load', value: blankMedian, unit: 'ms' },
  notes: 'median of fresh Chromium processes; includes page load, bridge config fetch, i18n and first render',
});
report({
  name: 'web-twin-javascript-transferred',
  value: Math.round(scriptBytes / 102.4) / 10,
  unit: 'KB (gzip)',
  n: 1,
});

await site.close();
