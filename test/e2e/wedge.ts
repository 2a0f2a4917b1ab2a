/**
 * A keyboard-wedge scanner for e2e tests. A real scanner emits its keystrokes at its own pace, whatever the page is
 * doing; Playwright's keyboard waits for the page to acknowledge each key before sending the next, so on a busy
 * machine its "burst" slows to a person's pace. Here each code's key events (digits, then Enter) are handed to the
 * browser all at once through the DevTools protocol: the browser stamps them as it receives them, back to back,
 * as it would a scanner's.
 */
import type { CDPSession, Page } from '@playwright/test';

function keyEvents(code: string) {
  if (!/^\d+$/u.test(code)) throw new Error(`the wedge emulation types digits only: ${code}`);
  const digits = [...code].flatMap((digit) => {
    const key = { key: digit, code: `Digit${digit}`, windowsVirtualKeyCode: 48 + Number(digit), nativeVirtualKeyCode: 48 + Number(digit) };
    return [
      { type: 'keyDown' as const, text: digit, unmodifiedText: digit, ...key },
      { type: 'keyUp' as const, ...key },
    ];
  });
  const enter = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, nativeVirtualKeyCode: 13 };
  return [...digits, { type: 'keyDown' as const, text: '\r', unmodifiedText: '\r', ...enter }, { type: 'keyUp' as const, ...enter }];
}

export class WedgeScanner {
  private constructor(private readonly session: CDPSession) {}

  static async attach(page: Page): Promise<WedgeScanner> {
    return new WedgeScanner(await page.context().newCDPSession(page));
  }

  /** One scan: the code's digits and Enter, sent without waiting between keys. */
  async scan(code: string): Promise<void> {
    await Promise.all(keyEvents(code).map((event) => this.session.send('Input.dispatchKeyEvent', event)));
  }

  /**
   * Scans `codes` at the given pace (a scan every `everyMs`, or slower when the machine is slower); returns the
   * milliseconds the whole burst took.
   */
  async burst(codes: readonly string[], everyMs: number): Promise<number> {
    const started = Date.now();
    for (const [index, code] of codes.entries()) {
      await this.scan(code);
      const due = started + (index + 1) * everyMs;
      if (Date.now() < due) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
    }
    return Date.now() - started;
  }
}
