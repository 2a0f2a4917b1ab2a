/**
 * Who may talk to the sandbox. It listens on loopback, but any web page the user opens could still send it
 * requests, so:
 *
 * - `Host` must name a loopback address (or a host the caller allowed): a DNS-rebinding page reaches us with
 *   its own domain in `Host` and is refused.
 * - A request carrying an `Origin` is served only when that origin is our own (same origin as the sandbox,
 *   e.g. `ncg web` serving page and sandbox together) or listed in `allowedOrigins` (e.g. `app://ncg`);
 *   CORS headers answer only the listed ones. Refusing (not merely omitting CORS) also stops "simple"
 *   cross-site POSTs that a browser sends without a preflight.
 * - Admin routes need the per-run secret in `X-Sandbox-Secret`.
 */
import { timingSafeEqual } from 'node:crypto';

export const adminSecretHeader = 'x-sandbox-secret';

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** The host name of a `Host` header, without the port; IPv6 keeps its brackets. */
function hostName(header: string): string {
  if (header.startsWith('[')) {
    const end = header.indexOf(']');
    return end === -1 ? header : header.slice(0, end + 1);
  }
  const colon = header.lastIndexOf(':');
  return (colon === -1 ? header : header.slice(0, colon)).toLowerCase();
}

export function isAllowedHost(header: string | undefined, extraHosts: readonly string[] = []): boolean {
  if (!header) return false;
  const name = hostName(header.trim());
  return loopbackHosts.has(name) || extraHosts.some((extra) => extra.toLowerCase() === name || `[${extra.toLowerCase()}]` === name);
}

/**
 * `none`: no Origin (curl, Node, the desktop host's main process); `same-origin`: a page of our own origin;
 * `cross-origin`: an allowed foreign origin (answer with CORS headers); `refused`: anything else.
 */
export function checkOrigin(origin: string | undefined, host: string, allowed: ReadonlySet<string>): 'none' | 'same-origin' | 'cross-origin' | 'refused' {
  if (origin === undefined) return 'none';
  if (origin === `http://${host}`) return 'same-origin';
  return allowed.has(origin) ? 'cross-origin' : 'refused';
}

export function corsHeaders(origin: string): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': 'X-API-KEY, Authorization, Content-Type, Accept, Accept-Language',
    'Access-Control-Expose-Headers': 'Retry-After, Content-Type, Location',
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  };
}

export function secretMatches(sent: string | string[] | undefined, secret: string): boolean {
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}
