/**
 * Small HTTP helpers of the sandbox: replies as data, the portal's error bodies, body reading with a limit.
 */
import type { IncomingMessage } from 'node:http';

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

/** Thrown by handlers to answer with `reply` (validation failures, wrong status, not found…). */
export class HttpError extends Error {
  readonly reply: Reply;
  constructor(reply: Reply) {
    super(`HTTP ${reply.status}`);
    this.reply = reply;
  }
}

export function json(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'Content-Type': 'application/json;charset=UTF-8', ...headers }, body: JSON.stringify(value) };
}

/** 200 with no body: what the portal answers to successful mutations (§2.3). */
export function empty(status = 200): Reply {
  return { status, headers: { 'Content-Length': '0' } };
}

export function text(status: number, body: string, contentType = 'text/plain;charset=UTF-8'): Reply {
  return { status, headers: { 'Content-Type': contentType }, body };
}

/** The portal's standard messages per error code (§2.4). */
export const apiMessages = {
  VALIDATION_ERROR: 'Ошибка валидации данных.',
  NOT_FOUND: 'Запрашиваемые данные не найдены.',
  UNEXPECTED_ERROR: 'Ошибка обработки данных.',
  BUSINESS_ERROR: 'Нарушено бизнес-правило.',
  INTERNAL_ERROR: 'Произошла непредвиденная ошибка. Пожалуйста, попробуйте позже.',
} as const;
export type ApiErrorCode = keyof typeof apiMessages;

/** `ApiErrorDto {code, message}`. */
export function apiError(status: number, code: ApiErrorCode, detail?: string): Reply {
  const base = apiMessages[code];
  return json(status, { code, message: detail ? `${base.replace(/\.$/, '')}: ${detail}` : base });
}

export const fail = {
  validation: (detail?: string) => new HttpError(apiError(400, 'VALIDATION_ERROR', detail)),
  notFound: (detail?: string) => new HttpError(apiError(404, 'NOT_FOUND', detail)),
  wrongStatus: (detail?: string) => new HttpError(apiError(422, 'UNEXPECTED_ERROR', detail)),
  business: (detail?: string) => new HttpError(apiError(422, 'BUSINESS_ERROR', detail)),
};

export class BodyTooLarge extends Error {}

/**
 * Reads the whole request body. Beyond `limit` bytes it keeps draining (so the client sees the answer rather
 * than a reset connection) up to `drainLimit`, then throws `BodyTooLarge`; beyond `drainLimit` it destroys
 * the socket.
 */
export function readBody(req: IncomingMessage, limit: number, drainLimit = limit * 4): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > drainLimit) {
        req.destroy();
        reject(new BodyTooLarge());
        return;
      }
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => (tooLarge ? reject(new BodyTooLarge()) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

/** Deeper than any real body (attributes nest 2–3 levels); recursive checks downstream stay far from the stack limit. */
export const maxJsonDepth = 32;

/** The deepest nesting of `[`/`{` outside strings, scanned without recursion. */
function jsonDepth(source: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < source.length; index += 1) {
    const char = source.charCodeAt(index);
    if (inString) {
      if (char === 0x5c) index += 1; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if (char === 0x7d || char === 0x5d) depth -= 1;
  }
  return deepest;
}

/** Parses a JSON body; a malformed or absurdly nested one is a 400 like the portal's. */
export function parseJson(bytes: Uint8Array): unknown {
  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (source.trim() === '') throw fail.validation('тело запроса пустое');
  if (jsonDepth(source) > maxJsonDepth) throw fail.validation(`тело запроса вложено глубже ${maxJsonDepth} уровней`);
  try {
    return JSON.parse(source);
  } catch {
    throw fail.validation('тело запроса не является корректным JSON');
  }
}
