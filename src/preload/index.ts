/**
 * The only page-side file that touches ipcRenderer. It exposes the contract's narrow functions as
 * `window.ncg`, never ipcRenderer itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge, type BridgeResult } from '../shared/bridge-client.ts';

contextBridge.exposeInMainWorld(
  'ncg',
  buildBridge((channel, request) => ipcRenderer.invoke(channel, request) as Promise<BridgeResult<unknown>>),
);
