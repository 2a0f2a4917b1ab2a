/**
 * The only main-process file that touches ipcMain. Every channel of the contract is registered here;
 * messages from frames other than our own page are refused, the rest are validated by the contract.
 */
import { ipcMain, type IpcMain, type IpcMainInvokeEvent } from 'electron';
import { bridgeChannels, dispatchBridgeCall, type BridgeHandlers, type BridgeResult } from '../../shared/bridge.ts';

export type SenderCheck = (senderUrl: string | undefined) => boolean;

export function registerBridgeIpc(handlers: BridgeHandlers, isTrustedSender: SenderCheck, ipc: Pick<IpcMain, 'handle'> = ipcMain): void {
  for (const channel of bridgeChannels) {
    ipc.handle(channel, (event: IpcMainInvokeEvent, request: unknown) => handleBridgeMessage(handlers, isTrustedSender, channel, event, request));
  }
}

export async function handleBridgeMessage(
  handlers: BridgeHandlers,
  isTrustedSender: SenderCheck,
  channel: unknown,
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  request: unknown,
): Promise<BridgeResult<unknown>> {
  const senderUrl = event.senderFrame?.url;
  if (!isTrustedSender(senderUrl)) {
    return { ok: false, error: { code: 'forbidden-sender', message: 'Bridge calls are accepted only from the app\'s own page.' } };
  }
  return dispatchBridgeCall(handlers, channel, request);
}
