import { expect, test } from './fixtures.ts';

// These check the Electron host's guards; the web twin has no host process to guard.
test.describe('host security (Electron only)', () => {
  test.beforeEach(({ shell }) => {
    test.skip(shell !== 'electron', 'host guards exist only in the Electron shell');
  });

  test('refuses navigation away from the app', async ({ appPage }) => {
    const before = appPage.url();
    await appPage.evaluate(() => { window.location.href = 'https://example.com/'; });
    await appPage.waitForTimeout(500);
    expect(appPage.url()).toBe(before);
  });

  test('denies new windows', async ({ appPage }) => {
    const opened = await appPage.evaluate(() => window.open('https://example.com/') !== null);
    expect(opened).toBe(false);
  });

  test('answers a malformed bridge payload with a typed error', async ({ appPage }) => {
    const error = await appPage.evaluate(async () => {
      try {
        // @ts-expect-error deliberately malformed
        await window.ncg!.files.save({ suggestedName: '../../etc/passwd', bytes: 'not bytes' });
        return null;
      } catch (caught) {
        return { name: (caught as Error).name, code: (caught as { code?: string }).code };
      }
    });
    expect(error).toEqual({ name: 'BridgeError', code: 'invalid-request' });
  });
});
