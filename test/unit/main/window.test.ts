import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../../src/main/window.ts';

describe('main window options', () => {
  it('keeps the page isolated, sandboxed and without Node or webviews', () => {
    const preferences = mainWindowOptions('/app/preload/index.cjs').webPreferences!;
    expect(preferences).toMatchObject({
      preload: '/app/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
  });
});
