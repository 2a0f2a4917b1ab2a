import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';

/**
 * Steps of the Inspection screen (`#/inspection`) shared by its specs; controls are found by test id, so they work
 * in every language.
 */

/** Downloads the whole catalogue copy from the copy tab and waits until it is complete. */
export async function takeCopy(page: Page): Promise<void> {
  await page.getByTestId('tab-copy').click();
  await page.getByTestId('copy-download').click();
  // On a busy machine the copy alone may take tens of seconds.
  await expect(page.getByTestId('copy-outcome')).toHaveAttribute('data-outcome', 'complete', { timeout: 90_000 });
  await expect(page.getByTestId('copy-status')).toHaveAttribute('data-status', 'complete');
}

/**
 * Starts the camera on the scan tab (Chromium's fake device plays the spec's video), then cuts the network: what
 * the camera reads is answered from the copy alone. Returns the newest verdict.
 */
export async function scanByCameraOffline(page: Page, context: BrowserContext): Promise<Locator> {
  await page.waitForLoadState('networkidle');
  await page.getByTestId('tab-scan').click();
  await page.getByTestId('camera-start').click();
  await expect(page.getByTestId('camera-video')).toBeVisible();
  await context.setOffline(true);
  return page.getByTestId('verdict').first();
}
