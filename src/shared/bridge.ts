/**
 * The contract between the page and its host. One schema per channel; the host validates every message
 * with it, the preload and the web twin expose it as narrow functions built by `buildBridge`.
 */
import { z } from 'zod';
import { catalogueUrlProblem } from './catalogue/base-url.ts';
import type { CatalogueErrorData } from './catalogue/errors.ts';
import { portalCallSchema } from './catalogue/operations.ts';
import { exportPageRequestSchema, exportPageResultSchema } from './catalogue-export-call.ts';
import { catalogueMediaRequestSchema, catalogueMediaResultSchema } from './catalogue-media.ts';
import { BridgeError, type bridgeChannels, type BridgeResult } from './bridge-client.ts';
import { printerHostSchema, rawPrinterPortSchema } from './printers.ts';
import { catalogueUploadRequestSchema } from './sync/upload-channel.ts';

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

const mebibyte = 1024 * 1024;
/**
 * Payload caps. A sheet of labels is a few hundred KB of PDF; 64 MiB leaves room for thousands of labels with
 * photos while keeping one IPC copy (and Chromium's print job) far from memory trouble.
 */
export const maxPdfBytes = 64 * mebibyte;
/** ZPL is text with compressed graphics; 16 MiB is more than a printer's own buffer takes in one job. */
export const maxRawPrintBytes = 16 * mebibyte;
/** Saved files are our exports (PDF, ZPL, XLSX/CSV of up to 100,000 rows); 128 MiB fits the largest with room. */
export const maxSavedFileBytes = 128 * mebibyte;
/**
 * Any one message, before its schema runs: the largest payload above plus its fields, a nesting depth no
 * contract shape reaches and a bound on the number of values, so a hostile message costs little to refuse.
 */
export const messageLimits = { bytes: maxSavedFileBytes + mebibyte, depth: 32, values: 200_000 } as const;

const bytesAtMost = (max: number) =>
  z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= max, `at most ${max / mebibyte} MiB`);

export const catalogueConnectionSchema = z.object({
  kind: z.enum(['sandbox', 'remote']),
  portalBaseUrl: z.string(),
  exportBaseUrl: z.string(),
  /** True when an API key is configured; the key itself never leaves the host. */
  hasApiKey: z.boolean(),
  /** A start-up problem the host worked around, for the page to show translated (until the user chooses again). */
  problem: z
    .object({
      /** `catalogue.connection.settingsSetAside`: the saved settings were unreadable, renamed to `setAsideAs`. */
      code: z.literal('connection-settings-unreadable'),
      setAsideAs: z.string(),
    })
    .optional(),
});
export type CatalogueConnection = z.infer<typeof catalogueConnectionSchema>;

/** https:// only; plain http:// only for a catalogue on this computer (a sandbox). The key goes to this origin. */
const catalogueUrl = z
  .string()
  .max(500)
  .refine((value) => /^https?:\/\/[^\s]+$/i.test(value) && catalogueUrlProblem(value) === undefined, 'an https:// URL (http:// only on this computer)');

/** What the user sets in Settings. Secrets go to the host once and are never read back. */
export const catalogueSettingsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sandbox') }),
  z.object({
    kind: z.literal('remote'),
    portalBaseUrl: catalogueUrl,
    exportBaseUrl: catalogueUrl,
    /**
     * Omitted = keep the stored key, but only while the portal's origin stays the same (a new origin forgets
     * it); '' = forget it. HTTP headers carry only printable ASCII. The export token follows the same rules.
     */
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
  /** One page of the export feed (catalogue-api.md §10), fetched with the host's export token. */
  'catalogue:exportPage': {
    request: exportPageRequestSchema,
    response: exportPageResultSchema,
  },
  /** A photo (JPEG/PNG) or document (PDF) to the catalogue, as bytes checked here: ≤ 5 MB, type by content. */
  'catalogue:upload': {
    request: catalogueUploadRequestSchema,
    response: catalogueCallResultSchema,
  },
  /**
   * A card's photo by its catalogue `fileName`, from the site's public product images (catalogue-media.ts): no
   * credential is sent, only same-origin redirects are followed, and only a JPEG/PNG of at most 5 MB comes back.
   */
  'catalogue:media': {
    request: catalogueMediaRequestSchema,
    response: catalogueMediaResultSchema,
  },
  'print:printers': {
    request: noArguments,
    response: z.object({ printers: z.array(printerSchema) }),
  },
  /** Prints a PDF at 100 % on a page of exactly the label stock's size. No printer = the system dialog. */
  'print:pdf': {
    request: z.object({
      bytes: bytesAtMost(maxPdfBytes),
      printerName: z.string().max(300).optional(),
      pageWidthMm: z.number().positive().max(2000),
      pageHeightMm: z.number().positive().max(2000),
      copies: z.number().int().min(1).max(1000).optional(),
    }),
    response: z.object({ printed: z.boolean(), failureReason: z.string().optional() }),
  },
  /**
   * Raw printer language (ZPL) to a network printer's JetDirect port. The host sends it only to a printer on
   * the local network that the user confirmed in the host's own dialog (`printer-refused`, `printer-declined`).
   */
  'print:raw': {
    request: z.object({
      host: printerHostSchema,
      port: rawPrinterPortSchema,
      bytes: bytesAtMost(maxRawPrintBytes),
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
      bytes: bytesAtMost(maxSavedFileBytes),
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
  const oversize = exceedsMessageLimits(request);
  if (oversize) return { ok: false, error: { code: 'too-large', message: `Message on ${channel} refused: ${oversize}` } };
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
    // Refusals the host chose (printer not allowed, …) keep their code; anything else is a plain failure.
    if (error instanceof BridgeError) return { ok: false, error: { code: error.code, message: error.message, ...(error.issues.length ? { issues: error.issues } : {}) } };
    return { ok: false, error: { code: 'failed', message: error instanceof Error ? error.message : String(error) } };
  }
}

/**
 * Why a message breaks `messageLimits`, or undefined. Walks the value with its own stack (a deeply nested
 * message must not overflow ours) and counts bytes of strings, typed arrays and blobs.
 */
export function exceedsMessageLimits(message: unknown): string | undefined {
  let bytes = 0;
  let values = 0;
  const pending: { value: unknown; depth: number }[] = [{ value: message, depth: 0 }];
  while (pending.length > 0) {
    const { value, depth } = pending.pop()!;
    values += 1;
    if (values > messageLimits.values) return `more than ${messageLimits.values} values`;
    if (depth > messageLimits.depth) return `nested deeper than ${messageLimits.depth}`;
    if (typeof value === 'string') bytes += value.length * 2;
    else if (ArrayBuffer.isView(value)) bytes += value.byteLength;
    else if (value instanceof ArrayBuffer) bytes += value.byteLength;
    else if (typeof Blob !== 'undefined' && value instanceof Blob) bytes += value.size;
    else if (typeof value === 'object' && value !== null) {
      for (const key of Object.keys(value)) {
        bytes += key.length * 2;
        pending.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 });
      }
    } else bytes += 8;
    if (bytes > messageLimits.bytes) return `larger than ${Math.round(messageLimits.bytes / mebibyte)} MiB`;
  }
  return undefined;
}

