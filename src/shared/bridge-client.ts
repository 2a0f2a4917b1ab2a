/**
 * The page's side of the bridge: the channel names and the builder of narrow functions over a transport.
 * It imports only types from the contract, so the preload bundles no schemas; the hosts validate.
 */
import type { BridgeChannel, BridgeRequest, BridgeResponse } from './bridge.ts';

export const bridgeChannels = [
  'app:info',
  'catalogue:connection',
  'catalogue:configure',
  'catalogue:call',
  'catalogue:exportPage',
  'catalogue:upload',
  'catalogue:media',
  'print:printers',
  'print:pdf',
  'print:raw',
  'external:open',
  'files:save',
] as const satisfies readonly BridgeChannel[];

/**
 * Errors travel as data: Electron's IPC would flatten a thrown Error into a string. `too-large`: the message
 * breaks the size limits; `printer-refused`: raw printing to a host that is not a local-network printer;
 * `printer-declined`: the user said no in the host's confirmation. Translated under `bridge.errors.*`.
 */
export const bridgeErrorCodes = ['unknown-channel', 'invalid-request', 'forbidden-sender', 'too-large', 'printer-refused', 'printer-declined', 'failed'] as const;
export type BridgeErrorCode = (typeof bridgeErrorCodes)[number];
export interface BridgeErrorData {
  code: BridgeErrorCode;
  message: string;
  issues?: string[];
}
export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: BridgeErrorData };

export class BridgeError extends Error {
  readonly code: BridgeErrorCode;
  readonly issues: string[];
  constructor(data: BridgeErrorData) {
    super(data.message);
    this.name = 'BridgeError';
    this.code = data.code;
    this.issues = data.issues ?? [];
  }
}

type GroupOf<C> = C extends `${infer G}:${string}` ? G : never;
type BridgeMethod<C extends BridgeChannel> = undefined extends BridgeRequest<C>
  ? (request?: BridgeRequest<C>) => Promise<BridgeResponse<C>>
  : (request: BridgeRequest<C>) => Promise<BridgeResponse<C>>;

/** The page's view of the host: `bridge.files.save({...})` for channel `files:save`. */
export type Bridge = {
  readonly [G in GroupOf<BridgeChannel>]: {
    readonly [C in BridgeChannel as C extends `${G}:${infer M}` ? M : never]: BridgeMethod<C>;
  };
};

export type BridgeInvoke = (channel: BridgeChannel, request: unknown) => Promise<BridgeResult<unknown>>;

/** Builds the narrow functions from a transport. Throws `BridgeError` when the host answers with an error. */
export function buildBridge(invoke: BridgeInvoke): Bridge {
  const groups: Record<string, Record<string, (request?: unknown) => Promise<unknown>>> = {};
  for (const channel of bridgeChannels) {
    const [group, method] = channel.split(':') as [string, string];
    groups[group] ??= {};
    groups[group][method] = async (request?: unknown) => {
      const result = await invoke(channel, request);
      if (!result.ok) throw new BridgeError(result.error);
      return result.value;
    };
  }
  return groups as unknown as Bridge;
}
