/**
 * A keyboard-wedge scanner for e2e tests. A real scanner emits its keystrokes at its own pace, whatever the page is
 * doing, and the system stamps each with the time it was typed; Playwright's keyboard waits for the page to handle
 * each key before sending the next and the browser stamps it then, so on a busy machine its "burst" looks like a
 * person's typing. Here each code's key events (digits, then Enter) go to the browser through the DevTools
 * protocol, all at once, each stamped as the scanner would have typed it (`msPerKey` apart from now on).
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

  /** One scan: the code's digits and Enter, typed `msPerKey` apart (a key's down and up share its time). */
  async scan(code: string, msPerKey = 4): Promise<void> {
    const typedFrom = Date.now();
    await Promise.all(keyEvents(code).map((event, index) => this.session.send('Input.dispatchKeyEvent', { ...event, timestamp: (typedFrom + Math.floor(index / 2) * msPerKey) / 1000 })));
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
