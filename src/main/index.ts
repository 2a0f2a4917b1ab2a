/**
 * Electron entry: one secure window, the page served from app://, the bridge registered, and the sandbox
 * catalogue started on a free loopback port as the default connection.
 */
import { app, BrowserWindow, dialog, net, protocol, safeStorage, session, shell } from 'electron';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startSandbox, type RunningSandbox } from '../sandbox/server.ts';
import { appEntryUrl, appScheme, isAppUrl } from './app-url.ts';
import { createHostHandlers } from './bridge/handlers.ts';
import { createConnectionManager } from './catalogue-connection.ts';
import { listPrinters, sendRaw } from './printing.ts';
import { printPdfInHiddenWindow } from './print-window.ts';
import { createSecretStore } from './secrets.ts';
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

  const userData = app.getPath('userData');
  const fileIn = (name: string) => ({
    read: () => readFile(join(userData, name), 'utf8').catch(() => undefined),
    write: (contents: string) => writeFile(join(userData, name), contents, { mode: 0o600 }),
  });
  sandbox = await startSandbox({ port: 0, dataDir: join(userData, 'sandbox') });
  const catalogue = await createConnectionManager({
    sandbox,
    secrets: createSecretStore(safeStorage, fileIn('secrets.json')),
    settingsFile: fileIn('connection.json'),
    fetch: (input, init) => net.fetch(input as string, init),
  });
  const window = new BrowserWindow(mainWindowOptions(join(import.meta.dirname, '../preload/index.cjs')));
  registerBridgeIpc(
    createHostHandlers({
      version: app.getVersion(),
      platform: process.platform,
      catalogue,
      openExternal,
      chooseSaveLocation: async (suggestedName) => {
        const result = await dialog.showSaveDialog({ defaultPath: suggestedName });
        return result.canceled ? undefined : result.filePath;
      },
      writeFile: (path, bytes) => writeFile(path, bytes),
      listPrinters: () => listPrinters(window.webContents),
      printPdf: printPdfInHiddenWindow,
      sendRaw: (host, port, bytes) => sendRaw(host, port, bytes),
    }),
    (senderUrl) => senderUrl !== undefined && isAppUrl(senderUrl, devServerOrigin),
  );

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
