/**
 * The contract between the page and its host. One schema per channel; the host validates every message
 * with it, the preload and the web twin expose it as narrow functions built by `buildBridge`.
 */
import { z } from 'zod';
import type { CatalogueErrorData } from './catalogue/errors.ts';
import { portalCallSchema } from './catalogue/operations.ts';
import type { bridgeChannels, BridgeResult } from './bridge-client.ts';

export * from './bridge-client.ts';

const noArguments = z.undefined();

/** A file name without folders, reserved characters or control characters, valid on every desktop OS. */
function isPlainFileName(name: string): boolean {
  if (name === '.' || name === '..') return false;
  for (const character of name) {
    if (character.charCodeAt(0) < 0x20 || '/\\:*?"<>|'.includes(character)) return false;
  }
  return true;
}

export const shellKindSchema = z.enum(['electron', 'web']);

export const catalogueConnectionSchema = z.object({
  kind: z.enum(['sandbox', 'remote']),
  portalBaseUrl: z.string(),
  exportBaseUrl: z.string(),
  /** True when an API key is configured; the key itself never leaves the host. */
  hasApiKey: z.boolean(),
});
export type CatalogueConnection = z.infer<typeof catalogueConnectionSchema>;

const httpUrl = z.string().max(500).refine((value) => /^https?:\/\/[^\s]+$/i.test(value), 'an http(s) URL');

/** What the user sets in Settings. Secrets go to the host once and are never read back. */
export const catalogueSettingsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sandbox') }),
  z.object({
    kind: z.literal('remote'),
    portalBaseUrl: httpUrl,
    exportBaseUrl: httpUrl,
    /** Omitted = keep the stored key; '' = forget it. HTTP headers carry only printable ASCII. */
    apiKey: z.string().max(500).regex(/^[\x21-\x7e]*$/, 'an API key has only Latin letters, digits and punctuation').optional(),
    exportToken: z.string().max(4000).regex(/^[\x21-\x7e]*$/, 'a token has only Latin letters, digits and punctuation').optional(),
  }),
]);
export type CatalogueSettings = z.infer<typeof catalogueSettingsSchema>;

/** A catalogue call's outcome travels as data, so the page gets the typed CatalogueError back. */
export const catalogueCallResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.custom<CatalogueErrorData>((value) => typeof value === 'object' && value !== null && 'kind' in value) }),
]);
export type CatalogueCallResult = z.infer<typeof catalogueCallResultSchema>;

export const printerSchema = z.object({ name: z.string(), displayName: z.string(), isDefault: z.boolean() });

export const bridgeContract = {
  'app:info': {
    request: noArguments,
    response: z.object({ version: z.string(), platform: z.string(), shell: shellKindSchema }),
  },
  'catalogue:connection': {
    request: noArguments,
    response: catalogueConnectionSchema,
  },
  'catalogue:configure': {
    request: catalogueSettingsSchema,
    response: catalogueConnectionSchema,
  },
  /** Runs one portal operation with the host's key; `input` is checked against the operation's own schema. */
  'catalogue:call': {
    request: portalCallSchema,
    response: catalogueCallResultSchema,
  },
  'print:printers': {
    request: noArguments,
    response: z.object({ printers: z.array(printerSchema) }),
  },
  /** Prints a PDF at 100 % on a page of exactly the label stock's size. No printer = the system dialog. */
  'print:pdf': {
    request: z.object({
      bytes: z.instanceof(Uint8Array),
      printerName: z.string().max(300).optional(),
      pageWidthMm: z.number().positive().max(2000),
      pageHeightMm: z.number().positive().max(2000),
      copies: z.number().int().min(1).max(1000).optional(),
    }),
    response: z.object({ printed: z.boolean(), failureReason: z.string().optional() }),
  },
  /** Raw printer language (ZPL) to a network printer's JetDirect port. */
  'print:raw': {
    request: z.object({
      host: z.string().min(1).max(253).regex(/^[A-Za-z0-9.:[\]-]+$/, 'a host name or IP address'),
      port: z.number().int().min(9100).max(9109),
      bytes: z.instanceof(Uint8Array),
    }),
    response: z.object({ sentBytes: z.number() }),
  },
  'external:open': {
    request: z.object({ url: z.string().max(2048) }),
    response: z.object({ opened: z.boolean() }),
  },
  'files:save': {
    request: z.object({
      suggestedName: z.string().min(1).max(255).refine(isPlainFileName, 'not a plain file name'),
      mimeType: z.string().max(100),
      bytes: z.instanceof(Uint8Array),
    }),
    response: z.object({ saved: z.boolean(), location: z.string().optional() }),
  },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

export type BridgeContract = typeof bridgeContract;
export type BridgeChannel = keyof BridgeContract;
export type BridgeRequest<C extends BridgeChannel> = z.input<BridgeContract[C]['request']>;
export type BridgeResponse<C extends BridgeChannel> = z.output<BridgeContract[C]['response']>;

// The channel list lives beside `buildBridge` so the preload can bundle it without zod and the schemas;
// this line fails to compile when the two lists disagree.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const channelListMatchesContract: SameKeys<BridgeChannel, (typeof bridgeChannels)[number]> = true;
void channelListMatchesContract;

export function isBridgeChannel(value: unknown): value is BridgeChannel {
  return typeof value === 'string' && Object.hasOwn(bridgeContract, value);
}

/** What a host implements: one function per channel, receiving an already validated request. */
export type BridgeHandlers = {
  [C in BridgeChannel]: (request: z.output<BridgeContract[C]['request']>) => Promise<BridgeResponse<C>>;
};

/**
 * Validates a raw message and runs its handler. Both hosts (Electron main, web twin) call this, so a malformed
 * message gets the same typed answer everywhere. Responses are validated too: a host bug must not leak odd data.
 */
export async function dispatchBridgeCall(
  handlers: BridgeHandlers,
  channel: unknown,
  request: unknown,
): Promise<BridgeResult<unknown>> {
  if (!isBridgeChannel(channel)) {
    return { ok: false, error: { code: 'unknown-channel', message: `Unknown bridge channel: ${String(channel).slice(0, 80)}` } };
  }
  const parsed = bridgeContract[channel].request.safeParse(request);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalid-request',
        message: `Malformed request on ${channel}`,
        issues: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
      },
    };
  }
  try {
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
    const value = bridgeContract[channel].response.parse(await handler(parsed.data));
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: { code: 'failed', message: error instanceof Error ? error.message : String(error) } };
  }
}

