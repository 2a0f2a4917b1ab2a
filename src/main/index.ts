/**
 * Electron entry: one secure window, the page served from app://, the bridge registered, and the sandbox
 * catalogue started on a free loopback port while it is the chosen connection (the default).
 */
import { app, BrowserWindow, dialog, net, protocol, safeStorage, session, shell } from 'electron';
import { lookup } from 'node:dns/promises';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startSandbox } from '../sandbox/server.ts';
import { appEntryUrl, appOrigin, appScheme, isAppUrl } from './app-url.ts';
import { createHostHandlers } from './bridge/handlers.ts';
import { createConnectionManager } from './catalogue-connection.ts';
import { embeddedSandbox } from './embedded-sandbox.ts';
import { confirmPrinterWithDialog, hostLocale } from './printer-dialog.ts';
import { listPrinters, sendRaw } from './printing.ts';
import { printPdfInHiddenWindow } from './print-window.ts';
import { createRawPrinterGate } from './raw-printers.ts';
import { createSecretStore } from './secrets.ts';
import { userFile } from './user-files.ts';
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

let sandbox: ReturnType<typeof embeddedSandbox> | undefined;

async function start(): Promise<void> {
  await app.whenReady();
  denyAllPermissions(session.defaultSession);
  registerAppProtocol(
    { handle: (scheme, handler) => protocol.handle(scheme, handler), fetchFile: (path) => net.fetch(pathToFileURL(path).href) },
    appScheme,
    join(import.meta.dirname, '../renderer'),
  );

  const userData = app.getPath('userData');
  // Only our page may call it cross-origin (the host's own calls carry no Origin); admin routes keep their per-run secret.
  sandbox = embeddedSandbox(() => startSandbox({ port: 0, dataDir: join(userData, 'sandbox'), allowedOrigins: [appOrigin] }));
  const catalogue = await createConnectionManager({
    sandbox,
    secrets: createSecretStore(safeStorage, userFile(userData, 'secrets.json')),
    settingsFile: userFile(userData, 'connection.json'),
    fetch: (input, init) => net.fetch(input as string, init),
    onProblem: (message) => console.warn(message),
  });
  const window = new BrowserWindow(mainWindowOptions(join(import.meta.dirname, '../preload/index.cjs')));
  const rawPrinters = createRawPrinterGate({
    file: userFile(userData, 'printers.json'),
    resolve: async (host) => (await lookup(host, { all: true })).map((entry) => entry.address),
    confirm: confirmPrinterWithDialog(dialog, () => window, () => hostLocale(app.getLocale())),
  });
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
      authoriseRawPrinter: (host, port) => rawPrinters.authorise(host, port),
      sendRaw: (address, port, bytes) => sendRaw(address, port, bytes),
    }),
    (senderUrl) => senderUrl !== undefined && isAppUrl(senderUrl, devServerOrigin),
  );

  window.once('ready-to-show', () => window.show());
  await window.loadURL(devServerUrl ?? appEntryUrl);
}

app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => void sandbox?.stop());

start().catch((error: unknown) => {
  console.error(error);
  dialog.showErrorBox('NCG Desk could not start', error instanceof Error ? error.message : String(error));
  app.exit(1);
});
