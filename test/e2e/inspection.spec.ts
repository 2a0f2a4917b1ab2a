/**
 * Inspection offline: take the catalogue copy from the sandbox, cut the network, then scan codes of every verdict
 * by wedge bursts (typed anywhere on the screen) and by typing.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { gs1CheckDigit } from '../../src/shared/codes/gs1.ts';
import { expect, test } from './fixtures.ts';

interface FeedRow {
  name_kk: string;
  name_ru: string;
  gtin: string;
  ntin_code: string;
  ntin_isdeactivated: boolean;
}

const withCheck = (body: string) => body + String(gs1CheckDigit(body));

async function sandboxFeed(request: APIRequestContext): Promise<FeedRow[]> {
  const config = (await (await request.get('web-twin.json')).json()) as { exportBaseUrl: string; exportToken?: string };
  const rows: FeedRow[] = [];
  let next: string | null = `${config.exportBaseUrl}/ofd/?from=0&limit=5000`;
  while (next) {
    const answer = await request.get(next, { headers: { Authorization: `JWT ${config.exportToken ?? 'sandbox-demo-token'}` } });
    expect(answer.ok()).toBe(true);
    const page = (await answer.json()) as { result: FeedRow[]; next: string | null };
    rows.push(...page.result);
    next = page.next;
  }
  return rows;
}

/** Codes of every verdict, picked from the catalogue the app will copy. */
function codesOfEveryVerdict(rows: FeedRow[]) {
  const perGtin = new Map<string, FeedRow[]>();
  for (const row of rows) if (row.gtin) perGtin.set(row.gtin, [...(perGtin.get(row.gtin) ?? []), row]);
  const registered = rows.find((row) => !row.ntin_isdeactivated && row.gtin && perGtin.get(row.gtin)?.length === 1);
  const several = [...perGtin.values()].find((cards) => cards.filter((card) => !card.ntin_isdeactivated).length > 1)?.[0]?.gtin;
  const deactivated = rows.find((row) => row.ntin_isdeactivated)?.ntin_code;
  const maxSerial = Math.max(...rows.map((row) => Number(row.ntin_code.slice(4, 12))));
  if (!registered || !several || !deactivated) throw new Error('the sandbox feed lacks a verdict kind');
  const unknown = withCheck('460999999999');
  const invalidBase = withCheck('487000000123');
  return {
    registered,
    codes: {
      registered: registered.ntin_code,
      registeredUpcA: registered.ntin_code.slice(1),
      registeredGtin: registered.gtin,
      several,
      deactivated,
      'not-found': unknown,
      'not-yet-in-copy': withCheck(`0200${String(maxSerial + 100).padStart(8, '0')}`),
      invalid: invalidBase.slice(0, -1) + String((Number(invalidBase.slice(-1)) + 1) % 10),
    },
  };
}

async function takeCopy(page: Page): Promise<void> {
  await page.getByTestId('tab-copy').click();
  await page.getByTestId('copy-download').click();
  await expect(page.getByTestId('copy-outcome')).toHaveAttribute('data-outcome', 'complete', { timeout: 60_000 });
  await expect(page.getByTestId('copy-status')).toHaveAttribute('data-status', 'complete');
}

test('takes the copy, then answers every verdict offline by wedge and by typing', async ({ app, appPage: page, request, context }) => {
  const rows = await sandboxFeed(request);
  const { registered, codes } = codesOfEveryVerdict(rows);
  await app.chooseLanguage('en');
  await app.open('inspection');
  await takeCopy(page);
  await expect(page.getByTestId('copy-status')).toContainText(new Intl.NumberFormat('en').format(rows.length));

  await context.setOffline(true);
  await page.getByTestId('tab-scan').click();
  const verdicts = page.getByTestId('verdict');

  // Wedge: a fast burst and Enter, with the focus on no field.
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.type(`${codes.registered}\n`);
  await expect(verdicts.first()).toHaveAttribute('data-verdict', 'registered');
  await expect(verdicts.first()).toContainText(registered.name_kk);
  await expect(verdicts.first()).toContainText(registered.name_ru);
  await expect(verdicts.first()).toContainText('Registered');

  // Typing into the code field.
  const expected: [string, string][] = [
    [codes.registeredUpcA, 'registered'],
    [codes.registeredGtin, 'registered'],
    [codes.several, 'several'],
    [codes.deactivated, 'deactivated'],
    [codes['not-found'], 'not-found'],
    [codes['not-yet-in-copy'], 'not-yet-in-copy'],
    [codes.invalid, 'invalid'],
  ];
  for (const [code, verdict] of expected) {
    await page.getByTestId('scan-input').fill(code);
    await page.getByTestId('scan-input').press('Enter');
    await expect(verdicts.first()).toHaveAttribute('data-code', code);
    await expect(verdicts.first()).toHaveAttribute('data-verdict', verdict);
  }
  const invalid = verdicts.first();
  await expect(invalid).toContainText(`should be ${withCheck('487000000123').slice(-1)}`);
  await expect(page.getByTestId('copy-age').first()).toContainText(new Intl.NumberFormat('en').format(rows.length));

  // 20 codes in one burst, each a wedge scan: none lost, none merged, in order.
  await page.getByTestId('scan-clear').click();
  const burst = rows.slice(0, 20).map((row) => row.ntin_code);
  await page.getByRole('heading', { level: 1 }).click();
  const started = Date.now();
  for (const code of burst) await page.keyboard.type(`${code}\n`);
  const typedMs = Date.now() - started;
  await expect(verdicts).toHaveCount(20);
  expect(await verdicts.evaluateAll((items) => items.map((item) => item.getAttribute('data-code')).reverse())).toEqual(burst);
  test.info().annotations.push({ type: 'burst', description: `20 codes typed in ${typedMs} ms` });
  await context.setOffline(false);
});

test('says so when a copy is older than the configured days', async ({ app, appPage: page }) => {
  await app.chooseLanguage('ru');
  await app.open('inspection');
  await takeCopy(page);
  await page.getByTestId('stale-days').fill('1');
  await page.getByTestId('stale-days').blur();
  // Two days later: the clock moves, the copy does not.
  await page.clock.install({ time: Date.now() + 2 * 86_400_000 + 60_000 });
  await page.getByTestId('tab-scan').click();
  await page.getByTestId('tab-copy').click();
  await expect(page.getByTestId('copy-stale').first()).toContainText('2 дн.');
});
