/**
 * Electron entry: one secure window, the page served from app://, the bridge registered, and the sandbox
 * catalogue started on a free loopback port as the default connection.
 */
import { app, BrowserWindow, dialog, net, protocol, session, shell } from 'electron';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startSandbox, type RunningSandbox } from '../sandbox/server.ts';
import { appEntryUrl, appScheme, isAppUrl } from './app-url.ts';
import { createHostHandlers } from './bridge/handlers.ts';
import { registerBridgeIpc } from './bridge/ipc.ts';
import { registerAppProtocol } from './protocol.ts';
import { denyAllPermissions, guardWebContents } from './security.ts';
import { mainWindowOptions } from './window.ts';

const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const devServerOrigin = devServerUrl ? new URL(devServerUrl).origin : undefined;
const openExternal = (url: string) => shell.openExternal(url);

protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();

// Every web contents, including any a bug might create, gets the same guards.
app.on('web-contents-created', (_event, contents) => {
  guardWebContents(contents, { devServerOrigin, openExternal, onRefused: (what, url) => console.warn(`refused ${what}: ${url}`) });
});

let sandbox: RunningSandbox | undefined;

async function start(): Promise<void> {
  await app.whenReady();
  denyAllPermissions(session.defaultSession);
  registerAppProtocol(
    { handle: (scheme, handler) => protocol.handle(scheme, handler), fetchFile: (path) => net.fetch(pathToFileURL(path).href) },
    appScheme,
    join(import.meta.dirname, '../renderer'),
  );

  sandbox = await startSandbox({ port: 0, dataDir: join(app.getPath('userData'), 'sandbox') });
  const running = sandbox;
  registerBridgeIpc(
    createHostHandlers({
      version: app.getVersion(),
      platform: process.platform,
      connection: () => ({ kind: 'sandbox', portalBaseUrl: running.portalBaseUrl, exportBaseUrl: running.exportBaseUrl, hasApiKey: true }),
      openExternal,
      chooseSaveLocation: async (suggestedName) => {
        const result = await dialog.showSaveDialog({ defaultPath: suggestedName });
        return result.canceled ? undefined : result.filePath;
      },
      writeFile: (path, bytes) => writeFile(path, bytes),
    }),
    (senderUrl) => senderUrl !== undefined && isAppUrl(senderUrl, devServerOrigin),
  );

  const window = new BrowserWindow(mainWindowOptions(join(import.meta.dirname, '../preload/index.cjs')));
  window.once('ready-to-show', () => window.show());
  await window.loadURL(devServerUrl ?? appEntryUrl);
}

app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => void sandbox?.close());

start().catch((error: unknown) => {
  console.error(error);
  dialog.showErrorBox('NCG Desk could not start', error instanceof Error ? error.message : String(error));
  app.exit(1);
});
